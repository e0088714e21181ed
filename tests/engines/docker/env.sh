# source me: docker CLI pointed at the private daemon (Debian's /usr/bin/docker;
# /usr/local/bin/docker on this machine is some other static build that comes first in PATH)
export DOCKER_HOST=unix:///work/main/build/engines/docker/docker.sock DOCKER_CONFIG=/work/main/build/engines/docker/cli
alias docker=/usr/bin/docker
