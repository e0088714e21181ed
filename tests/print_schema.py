#!/usr/bin/python3
"""tests/print_schema.py SCHEMA_DIR FILE...: each FILE, what `ocinit --print` wrote (a
process object), validated as the process of a config against the runtime-spec's JSON
schema in SCHEMA_DIR (its $refs are resolved there, never fetched). One line per FILE,
"ok FILE" or "FAIL FILE: why"; exit status 1 when any fails. Debian's python3-jsonschema."""
import json, os, sys
import jsonschema

d = os.path.abspath(sys.argv[1])
with open(os.path.join(d, "config-schema.json")) as f:
    schema = json.load(f)
resolver = jsonschema.RefResolver("file://" + d + "/", schema)
validator = jsonschema.validators.validator_for(schema)(schema, resolver=resolver)
failed = 0
for name in sys.argv[2:]:
    try:
        with open(name) as f:
            validator.validate({"ociVersion": "1.2.0", "process": json.load(f)})
        print("ok", name)
    except (ValueError, jsonschema.ValidationError) as e:
        failed = 1
        print("FAIL %s: %s" % (name, str(e).splitlines()[0]))
sys.exit(failed)
