package notebook

import (
	"bytes"
	"encoding/json"
	"strings"
)

// A Notebook is a Jupyter notebook in nbformat 4.5: what Write writes
// and Import reads.
type Notebook struct {
	Cells         []*Cell        `json:"cells"`
	Metadata      map[string]any `json:"metadata"`
	NBFormat      int            `json:"nbformat"`
	NBFormatMinor int            `json:"nbformat_minor"`
}

// A Cell is one cell of a notebook: "markdown", "code" or "raw".
type Cell struct {
	Type     string         `json:"cell_type"`
	ID       string         `json:"id,omitempty"`
	Metadata map[string]any `json:"metadata"`
	Source   Text           `json:"source"`
	// Code cells only: a nil ExecutionCount is written as null.
	ExecutionCount *int      `json:"execution_count,omitempty"`
	Outputs        []*Output `json:"outputs,omitempty"`
}

// An Output is one output of a code cell: "stream" (Name "stdout" or
// "stderr", Text), "display_data" (Data) or "error" (EName, EValue,
// Traceback).
type Output struct {
	Type      string   `json:"output_type"`
	Name      string   `json:"name,omitempty"`
	Text      Text     `json:"text,omitempty"`
	EName     string   `json:"ename,omitempty"`
	EValue    string   `json:"evalue,omitempty"`
	Traceback []string `json:"traceback,omitempty"`
	// Data holds the MIME bundle of "display_data" and "execute_result"
	// outputs, which Import reads as text/plain.
	Data map[string]Text `json:"data,omitempty"`
}

// Text is a multi-line string, written as nbformat prefers, a list of
// lines each ending in a newline but the last; read from that or from a
// single string.
type Text string

// MarshalJSON implements json.Marshaler.
func (t Text) MarshalJSON() ([]byte, error) {
	lines := []string{}
	s := string(t)
	for s != "" {
		line, rest, ok := strings.Cut(s, "\n")
		if ok {
			line += "\n"
		}
		lines = append(lines, line)
		s = rest
	}
	return json.Marshal(lines)
}

// UnmarshalJSON implements json.Unmarshaler.
func (t *Text) UnmarshalJSON(data []byte) error {
	if bytes.HasPrefix(bytes.TrimSpace(data), []byte("[")) {
		var lines []string
		if err := json.Unmarshal(data, &lines); err != nil {
			return err
		}
		*t = Text(strings.Join(lines, ""))
		return nil
	}
	var s string
	if err := json.Unmarshal(data, &s); err != nil {
		return err
	}
	*t = Text(s)
	return nil
}

// MarshalJSON writes a code cell's execution_count and outputs even when
// they are null and empty, as nbformat requires, and leaves them out of
// other cells, where they are not allowed.
func (c *Cell) MarshalJSON() ([]byte, error) {
	type plain Cell
	if c.Type != "code" {
		p := plain(*c)
		p.Metadata, p.ExecutionCount, p.Outputs = orEmpty(c.Metadata), nil, nil
		return json.Marshal(p)
	}
	outputs := c.Outputs
	if outputs == nil {
		outputs = []*Output{}
	}
	return json.Marshal(struct {
		Type           string         `json:"cell_type"`
		ID             string         `json:"id,omitempty"`
		Metadata       map[string]any `json:"metadata"`
		Source         Text           `json:"source"`
		ExecutionCount *int           `json:"execution_count"`
		Outputs        []*Output      `json:"outputs"`
	}{c.Type, c.ID, orEmpty(c.Metadata), c.Source, c.ExecutionCount, outputs})
}

// MarshalJSON writes the fields an output of its type has, all of them
// (nbformat requires a stream's text and an error's traceback even when
// empty).
func (o *Output) MarshalJSON() ([]byte, error) {
	switch o.Type {
	case "stream":
		return json.Marshal(map[string]any{"output_type": o.Type, "name": o.Name, "text": o.Text})
	case "error":
		tb := o.Traceback
		if tb == nil {
			tb = []string{}
		}
		return json.Marshal(map[string]any{"output_type": o.Type, "ename": o.EName, "evalue": o.EValue, "traceback": tb})
	case "display_data":
		return json.Marshal(map[string]any{"output_type": o.Type, "data": o.Data, "metadata": map[string]any{}})
	}
	type plain Output
	return json.Marshal(plain(*o))
}

func orEmpty(m map[string]any) map[string]any {
	if m == nil {
		return map[string]any{}
	}
	return m
}

// Marshal returns the notebook as indented JSON, as Jupyter writes it.
func (nb *Notebook) Marshal() ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", " ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(nb); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
