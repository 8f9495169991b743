package batch

import (
	"encoding/csv"
	"fmt"
	"io"
	"reflect"
	"strconv"

	"github.com/parquet-go/parquet-go"
)

// Format is the file format of a run's tables.
type Format string

// The formats of the tables: CSV (text, the default) and Apache Parquet
// (typed columns, compressed with Zstandard), written by parquet-go.
const (
	CSV     Format = "csv"
	Parquet Format = "parquet"
)

// Formats lists the table formats, the default first.
var Formats = []Format{CSV, Parquet}

// File returns the name of the table base in the format: summary.csv,
// summary.parquet.
func (f Format) File(base string) string { return base + "." + string(f) }

// ColumnKind is the type of a table's column.
type ColumnKind uint8

// The kinds of column: text, whole numbers (int64), real numbers (float64)
// and true/false.
const (
	Text ColumnKind = iota
	Integer
	Real
	Boolean
)

// Column is one column of a table: its name and the kind of its values.
type Column struct {
	Name string
	Kind ColumnKind
}

// kindOf returns the kind of column that holds a scenario key's value v.
func kindOf(v any) ColumnKind {
	switch v.(type) {
	case int, int64, uint64:
		return Integer
	case float64:
		return Real
	case bool:
		return Boolean
	}
	return Text
}

// table receives a table's cells row by row, in the order of its columns,
// and writes them in one format: one writer of rows for every table and
// every format.
type table interface {
	Text(s string)
	Int(i int64)
	Float(x float64)
	Key(text string, v any) // a key's value: text in CSV, v as its column's kind in Parquet
	End()                   // ends the row
	Close() error           // ends the table
}

// newTable starts a table of the columns in format f on w.
func newTable(w io.Writer, f Format, cols []Column) (table, error) {
	switch f {
	case CSV, "":
		t := &csvTable{w: csv.NewWriter(w)}
		for _, c := range cols {
			t.rec = append(t.rec, c.Name)
		}
		t.End()
		return t, nil
	case Parquet:
		return newParquetTable(w, cols), nil
	}
	return nil, fmt.Errorf("batch: no table format %q", f)
}

// csvTable writes a table as CSV, numbers in full (the shortest exact
// decimal), so the same results give the same bytes.
type csvTable struct {
	w   *csv.Writer
	rec []string
}

func (t *csvTable) Text(s string)          { t.rec = append(t.rec, s) }
func (t *csvTable) Int(i int64)            { t.rec = append(t.rec, strconv.FormatInt(i, 10)) }
func (t *csvTable) Float(x float64)        { t.rec = append(t.rec, strconv.FormatFloat(x, 'g', -1, 64)) }
func (t *csvTable) Key(text string, _ any) { t.rec = append(t.rec, text) }
func (t *csvTable) End()                   { t.w.Write(t.rec); t.rec = t.rec[:0] }
func (t *csvTable) Close() error           { t.w.Flush(); return t.w.Error() }

// parquetTable writes a table as Parquet: a required column of its kind
// per column (byte arrays of UTF-8 text, INT64, DOUBLE, BOOLEAN), pages
// compressed with Zstandard, rows handed to the writer in batches whose
// values share one buffer, reused from batch to batch.
type parquetTable struct {
	w     *parquet.Writer
	kinds []ColumnKind
	buf   []parquet.Value // the values of the batch's rows
	start int             // where the row being written starts in buf
	rows  []parquet.Row
	err   error
}

// parquetBatch is how many rows a Parquet table hands its writer at once.
const parquetBatch = 4096

// newParquetTable starts a Parquet table. Its schema is that of a struct
// made for the columns, because parquet-go keeps a struct's field order
// where it sorts a Group's fields by name.
func newParquetTable(w io.Writer, cols []Column) *parquetTable {
	goTypes := map[ColumnKind]reflect.Type{Text: reflect.TypeFor[string](), Integer: reflect.TypeFor[int64](), Real: reflect.TypeFor[float64](), Boolean: reflect.TypeFor[bool]()}
	fields := make([]reflect.StructField, len(cols))
	t := &parquetTable{}
	for i, c := range cols {
		fields[i] = reflect.StructField{Name: fmt.Sprintf("F%d", i), Type: goTypes[c.Kind], Tag: reflect.StructTag(fmt.Sprintf(`parquet:%q`, c.Name))}
		t.kinds = append(t.kinds, c.Kind)
	}
	schema := parquet.SchemaOf(reflect.New(reflect.StructOf(fields)).Elem().Interface())
	t.w = parquet.NewWriter(w, schema, parquet.Compression(&parquet.Zstd), parquet.CreatedBy("commonwealth", Version(), ""))
	return t
}

// col is the column of the next value of the row being written.
func (t *parquetTable) col() int { return len(t.buf) - t.start }

func (t *parquetTable) add(v parquet.Value) {
	t.buf = append(t.buf, v.Level(0, 0, t.col()))
}

func (t *parquetTable) Text(s string)   { t.add(parquet.ValueOf(s)) }
func (t *parquetTable) Int(i int64)     { t.add(parquet.Int64Value(i)) }
func (t *parquetTable) Float(x float64) { t.add(parquet.DoubleValue(x)) }

// Key writes v as its column's kind; a number of another kind than the
// column's (an integer in a column of reals) is converted when exact.
func (t *parquetTable) Key(text string, v any) {
	i, x, ok := numberOf(v)
	switch t.kinds[t.col()] {
	case Integer:
		if !ok || float64(i) != x {
			t.setErr(fmt.Errorf("batch: %v is not a whole number", v))
		}
		t.Int(i)
	case Real:
		if !ok {
			t.setErr(fmt.Errorf("batch: %v is not a number", v))
		}
		t.Float(x)
	case Boolean:
		b, ok := v.(bool)
		if !ok {
			t.setErr(fmt.Errorf("batch: %v is not true or false", v))
		}
		t.add(parquet.BooleanValue(b))
	default:
		t.Text(text)
	}
}

// numberOf returns a key's value, when it is a number, as an int64 and as
// a float64.
func numberOf(v any) (int64, float64, bool) {
	switch x := v.(type) {
	case int:
		return int64(x), float64(x), true
	case int64:
		return x, float64(x), true
	case uint64:
		return int64(x), float64(x), true
	case float64:
		return int64(x), x, true
	}
	return 0, 0, false
}

func (t *parquetTable) setErr(err error) {
	if t.err == nil {
		t.err = err
	}
}

func (t *parquetTable) End() {
	t.rows = append(t.rows, t.buf[t.start:len(t.buf):len(t.buf)])
	t.start = len(t.buf)
	if len(t.rows) == parquetBatch {
		t.flush()
	}
}

func (t *parquetTable) flush() {
	if t.err == nil && len(t.rows) > 0 {
		_, t.err = t.w.WriteRows(t.rows)
	}
	t.rows, t.buf, t.start = t.rows[:0], t.buf[:0], 0
}

func (t *parquetTable) Close() error {
	t.flush()
	if err := t.w.Close(); t.err == nil {
		t.err = err
	}
	return t.err
}
