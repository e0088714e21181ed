# mutate.awk: one mutation of tests/mutations applied to one source file.
#   awk -v want=N -f tests/mutate.awk tests/mutations SOURCE   prints SOURCE with mutation N
#   awk -v want=0 -f tests/mutate.awk tests/mutations          lists them: N|file|what|tests|configs|equivalent
# An entry: "== FILE: WHAT", then "tests: ...", "configs: ..." and "equivalent: WHY" lines, then
# hunks: "- TEXT" lines (consecutive ones joined by newlines) to be found exactly once in
# FILE, each followed by its "+ TEXT" lines (none: the text is deleted). Exit 3: a hunk's
# text is not in FILE exactly once (the list has gone stale).
function flush_entry() {
	if (n && want == 0)
		print n "|" file "|" what "|" tests "|" configs "|" equiv
}
FNR == NR {
	if (/^== /) {
		flush_entry()
		n++
		line = substr($0, 4)
		file = "init/" substr(line, 1, index(line, ":") - 1)
		what = substr(line, index(line, ":") + 2)
		tests = ""; configs = "defconfig"; equiv = ""; state = ""
		next
	}
	if (!n || /^#/ || /^$/)
		next
	if (/^tests: /) { tests = substr($0, 8); next }
	if (/^configs: /) { configs = substr($0, 10); next }
	if (/^equivalent: /) { equiv = substr($0, 13); next }
	if (n != want)
		next
	if (/^-( |$)/) {
		if (state != "-") { hunks++; find[hunks] = substr($0, 3); repl[hunks] = ""; nrepl[hunks] = 0 }
		else find[hunks] = find[hunks] "\n" substr($0, 3)
		state = "-"
	} else if (/^\+( |$)/) {
		repl[hunks] = nrepl[hunks]++ ? repl[hunks] "\n" substr($0, 3) : substr($0, 3)
		state = "+"
	} else {
		print "mutations: line " FNR ": not a - or + line: " $0 > "/dev/stderr"
		exit 2
	}
	next
}
{ src = src (FNR > 1 ? "\n" : "") $0 }
END {
	if (want == 0) {
		flush_entry()
		exit 0
	}
	if (!hunks) {
		print "mutations: no mutation " want > "/dev/stderr"
		exit 2
	}
	for (h = 1; h <= hunks; h++) {
		count = 0
		rest = src
		while ((i = index(rest, find[h])) > 0) {
			count++
			rest = substr(rest, i + length(find[h]))
		}
		if (count != 1) {
			print "mutation " want ": its text is in the file " count " times, not once: " find[h] > "/dev/stderr"
			exit 3
		}
		i = index(src, find[h])
		# a deletion takes the newline after the text with it
		tail = substr(src, i + length(find[h]))
		if (!nrepl[h] && substr(tail, 1, 1) == "\n")
			tail = substr(tail, 2)
		src = substr(src, 1, i - 1) repl[h] tail
	}
	print src
}
