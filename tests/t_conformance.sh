# Conformance: JSONTestSuite through the JSON layer alone, and the runtime-spec's own
# example configs through --oci (../shared; skipped, never passed, where it is absent).
has oci || return 0 2>/dev/null || true
SHARED=$TOP/../shared/testdata
if [ ! -d "$SHARED/JSONTestSuite/test_parsing" ]; then
	skip "JSONTestSuite test_parsing" "../shared is absent"
else
	run $RUN "$B/unit/test_json" "$SHARED/JSONTestSuite/test_parsing"
	expect_eq "JSONTestSuite: y_ accepted, n_ refused, i_ no crash" "0 0" \
		"$RC $(grep -c FAILED "$T/err")"
	# the OCI layer then refuses duplicate keys and non-object top levels
	for f in 'y_object_duplicated_key.json|process: key "a" is given twice (byte 10)' \
		 'y_structure_lonely_int.json|(top level): expected an object (byte 1)' \
		 'y_array_empty.json|(top level): expected an object (byte 1)'; do
		p=$SHARED/JSONTestSuite/test_parsing/${f%%|*}
		run $RUN "$OCINIT" --print --oci "$p" -- true
		expect "OCI layer refuses ${f%%|*}: ${f#*|}" 125 "ocinit: $p: ${f#*|}"
	done
fi
if [ ! -d "$SHARED/runtime-spec/schema/test/config/good" ]; then
	skip "runtime-spec example configs" "../shared is absent"
else
	for f in "$SHARED"/runtime-spec/schema/test/config/good/*.json; do
		run $RUN "$OCINIT" --ignore-lsm --print --oci "$f" -- true
		expect_eq "runtime-spec good/$(basename "$f") parses" 0 "$RC"
	done
	run $RUN "$OCINIT" --print --oci "$SHARED/runtime-spec/schema/test/config/bad/invalid-json.json" -- true
	expect_eq "runtime-spec bad/invalid-json.json is refused" 125 "$RC"
fi
