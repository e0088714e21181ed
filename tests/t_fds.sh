# Only fds 0, 1, 2 reach the entrypoint: with close_range, without it, and without /proc.
run "$H/probe" fds 200 unshare --pid --fork --mount-proc $RUN "$OCINIT" "$H/probe" status
expect_eq "PID 1 started with 203 fds: the child has 0 1 2" "Fds: 0 1 2" "$(grep '^Fds:' "$T/out")"
run "$H/probe" fds 200 $RUN "$OCINIT" "$H/probe" status
expect_eq "subreaper started with 203 fds: the child has 0 1 2" "Fds: 0 1 2" "$(grep '^Fds:' "$T/out")"
run "$H/nosys" close_range "$H/probe" fds 200 $RUN "$OCINIT" "$H/probe" status
expect_eq "close_range ENOSYS: /proc/self/fd walk closes them" "Fds: 0 1 2" "$(grep '^Fds:' "$T/out")"
run unshare -m --propagation private sh -c "umount -l /proc && '$H/nosys' close_range '$H/probe' fds 200 $RUN '$OCINIT' '$H/probe' status"
expect_eq "close_range ENOSYS and no /proc: every number is closed" "Fds: 0 1 2" "$(grep '^Fds:' "$T/out")"
# --exec: no fork, the same closing (the report pipe is not there to keep)
run "$H/probe" fds 200 $RUN "$OCINIT" --exec "$H/probe" status
expect_eq "--exec started with 203 fds: the command has 0 1 2" "Fds: 0 1 2" "$(grep '^Fds:' "$T/out")"
run "$H/nosys" close_range "$H/probe" fds 200 $RUN "$OCINIT" --exec "$H/probe" status
expect_eq "--exec, close_range ENOSYS: the walk closes them" "Fds: 0 1 2" "$(grep '^Fds:' "$T/out")"
