# The VM boots' AppArmor profile (tests/t_vm.sh): every file access allowed, so that the
# command runs, and confined by a profile of this name, which /proc/self/attr/current shows.
profile ocinit-test flags=(attach_disconnected) {
  file,
}
