#!/bin/sh
echo "hello from the entrypoint, uid $(id -u)"
