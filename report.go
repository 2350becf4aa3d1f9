package main

import (
	"fmt"
	"io"
	"os"

	"bingfa/runner/report"
)

// reportCmd works on JSON reports written by check --json: report merge
// combines the reports of the shards of a course into one.
func reportCmd(args []string) error {
	if len(args) == 0 || args[0] != "merge" {
		fmt.Fprint(os.Stderr, "usage: bingfa report merge [-o FILE] [--junit FILE] REPORT.json...\n")
		return errUsage
	}
	fs := newFlags("report merge", "usage: bingfa report merge [flags] REPORT.json...\n\nCombines the JSON reports of check --shard K/N runs into one and prints its summary line;\nexits 1 when a block failed.\n\n")
	out := fs.String("o", "", "write the merged JSON report to `FILE`")
	junitOut := fs.String("junit", "", "write the merged report as JUnit XML to `FILE`")
	if err := fs.Parse(args[1:]); err != nil || fs.NArg() == 0 {
		if err == nil {
			fs.Usage()
		}
		return errUsage
	}
	var docs []*report.JSONReport
	for _, name := range fs.Args() {
		doc, err := readReport(name)
		if err != nil {
			return err
		}
		docs = append(docs, doc)
	}
	merged, err := report.Merge(docs)
	if err != nil {
		return err
	}
	if *out != "" {
		if err := writeFile(*out, merged.Write); err != nil {
			return err
		}
	}
	if *junitOut != "" {
		if err := writeFile(*junitOut, func(w io.Writer) error { return report.WriteJUnit(w, merged) }); err != nil {
			return err
		}
	}
	fmt.Println(merged.Summary())
	if merged.Failed > 0 {
		return errSilent
	}
	return nil
}

// readReport reads a JSON report written by check --json.
func readReport(name string) (*report.JSONReport, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return report.ReadJSON(f, name)
}
