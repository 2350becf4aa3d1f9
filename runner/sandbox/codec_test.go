package sandbox

import (
	"reflect"
	"strings"
	"testing"
	"time"
)

// TestCodecRoundTrip: settings with every field set, and reports, come
// back as they were encoded; a field the codec forgets fails here.
func TestCodecRoundTrip(t *testing.T) {
	var s settings
	fill(t, reflect.ValueOf(&s).Elem())
	var got settings
	if err := decode(encode(&s), &got); err != nil {
		t.Fatal(err)
	}
	// The fields of the init's own, not exported, are never sent.
	s.binFD, s.showFDs, s.guestFDs = 0, nil, nil
	if !reflect.DeepEqual(got, s) {
		t.Errorf("settings:\n got %+v\nwant %+v", got, s)
	}
	for _, r := range []Result{
		{},
		{Exit: -1, Signal: "killed", CPU: 3 * time.Millisecond, Leftover: 2, Unavailable: "no /proc\n"},
		{Exit: 7, Files: []File{{Path: "a", Data: []byte("x;\n9:")}, {Path: "b/c", Data: []byte{}}}},
	} {
		var got Result
		if err := decode(encode(&r), &got); err != nil || !reflect.DeepEqual(got, r) {
			t.Errorf("report %+v: got %+v, %v", r, got, err)
		}
	}
}

// fill sets every exported field of the struct v to a value of its own.
func fill(t *testing.T, v reflect.Value) {
	for i := range v.NumField() {
		f, name := v.Field(i), v.Type().Field(i).Name
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString(name + " 1;2\n")
		case reflect.Int, reflect.Int64:
			f.SetInt(int64(-i - 1000))
		case reflect.Bool:
			f.SetBool(true)
		case reflect.Slice:
			f.Set(reflect.ValueOf([]string{name, "", "ü;"}))
		default:
			t.Fatalf("field %s: no value for kind %v", name, f.Kind())
		}
	}
}

// TestCodecMalformed: what is not an encoding is refused.
func TestCodecMalformed(t *testing.T) {
	good := string(encode(&Result{Exit: 1, Signal: "x", Files: []File{{Path: "p", Data: []byte("d")}}}))
	for _, bad := range []string{
		"", "x", "1", "1;", good[:len(good)-1], good + "0;", strings.Replace(good, "1;x", "9;x", 1),
		"0;-1;", "0;0;0;0;99999999999999999999;",
	} {
		var r Result
		if err := decode([]byte(bad), &r); err == nil {
			t.Errorf("%q decoded as %+v", bad, r)
		}
	}
}
