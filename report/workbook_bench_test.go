package report

import (
	"bufio"
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// wbGenerated describes a generated partner workbook.
type wbGenerated struct {
	customers int // customers, each with ACR in every month
	months    int // months of ACR, ending May 2024
	subs      int // ACR rows per customer and month (subscriptions, added up by the reader)
	people    int
	deploys   int
}

// wbGenerate writes a partner workbook with excelize's stream writer and
// returns the annotation the reader and the engine would make of it.
func wbGenerate(tb testing.TB, dir string, g wbGenerated) (string, Annotation) {
	tb.Helper()
	f := excelize.NewFile()
	defer f.Close()
	in := &scoring.Input{ACRAttribution: true, DeploymentAttribution: true}
	last, err := scoring.ParseMonth("2024-05")
	if err != nil {
		tb.Fatal(err)
	}
	in.Partner = scoring.Partner{Name: "Generated Partner Ltd", ID: "900001", AsOf: last, Sheet: "Partner"}
	in.Columns = scoring.Columns{CustomerID: "A", ACRCustomer: "A", ACRMonth: "C", ACRAmount: "D", ACRAttribution: "E", ACRArea: "F",
		CertIndividual: "A", CertName: "B", DeployCustomer: "A", DeployService: "B", DeployDate: "C"}
	stream := func(sheet string, header []any, rows func(add func(...any))) int {
		if _, err := f.NewSheet(sheet); err != nil {
			tb.Fatal(err)
		}
		sw, err := f.NewStreamWriter(sheet)
		if err != nil {
			tb.Fatal(err)
		}
		if err := sw.SetRow("A1", header); err != nil {
			tb.Fatal(err)
		}
		r := 1
		rows(func(v ...any) {
			r++
			if err := sw.SetRow("A"+strconv.Itoa(r), v); err != nil {
				tb.Fatal(err)
			}
		})
		if err := sw.Flush(); err != nil {
			tb.Fatal(err)
		}
		return r
	}
	stream("Partner", []any{"Field", "Value"}, func(add func(...any)) {
		add("Partner name", in.Partner.Name)
		add("As of", "2024-05")
	})
	if err := f.DeleteSheet("Sheet1"); err != nil {
		tb.Fatal(err)
	}
	segs := []string{"SMB", "SMB", "SMC", "Enterprise", "SMB"}
	lastCust := stream("Customers", []any{"Customer ID", "Customer name", "Segment"}, func(add func(...any)) {
		for c := 0; c < g.customers; c++ {
			id := fmt.Sprintf("C%05d", c)
			add(id, "Customer "+id, segs[c%len(segs)])
			in.Customers = append(in.Customers, scoring.Customer{ID: id, Name: "Customer " + id, Segment: segs[c%len(segs)],
				Source: scoring.Ref{Sheet: "Customers", Row: c + 2}})
		}
	})
	lastACR := stream("ACR", []any{"Customer ID", "Month", "ACR (USD)", "Attribution", "Solution area"}, func(add func(...any)) {
		row := 1
		for c := 0; c < g.customers; c++ {
			id := fmt.Sprintf("C%05d", c)
			for m := 0; m < g.months; m++ {
				month := last.Add(m - g.months + 1)
				attr := "PAL"
				if c%37 == 5 {
					attr = "Referral"
				}
				start := c % 7 // some customers start late: net adds
				if m < start*3 {
					continue
				}
				acr := scoring.ACRRow{Customer: id, Month: month, Attribution: attr, Rows: g.subs, Source: scoring.Ref{Sheet: "ACR", Row: row + 1}}
				for s := 0; s < g.subs; s++ {
					row++
					cents := scoring.Cents(10000 + (c*7919+m*104729+s*31)%400000)
					acr.Amount += cents
					if g.subs > 1 {
						acr.Lines = append(acr.Lines, int32(row))
					}
					add(id, month.FirstDay().Time(), float64(cents)/100, attr, "")
				}
				in.ACR = append(in.ACR, acr)
			}
		}
	})
	certs := []string{"AZ-104", "AZ-305", "DP-203", "AZ-700", "AZ-140", "AZ-204", "AZ-400", "Azure Fundamentals"}
	lastCert := stream("Certifications", []any{"Individual", "Certification", "Earned on"}, func(add func(...any)) {
		for p := 0; p < g.people; p++ {
			who := fmt.Sprintf("person%02d@partner.example", p)
			name := certs[p%len(certs)]
			add(who, name, time.Date(2023, 1, 1+p, 0, 0, 0, 0, time.UTC))
			earned := scoring.DateOf(2023, 1, 1+p)
			in.Certifications = append(in.Certifications, scoring.Certification{Individual: who, Certification: name, Earned: &earned,
				Source: scoring.Ref{Sheet: "Certifications", Row: p + 2}})
		}
	})
	services := []string{"Azure SQL Database", "Azure Kubernetes Service", "Virtual Machines", "Azure Functions", "Azure Virtual Desktop"}
	lastDep := stream("Deployments", []any{"Customer ID", "Service", "Deployed on", "Attribution"}, func(add func(...any)) {
		for d := 0; d < g.deploys; d++ {
			id := fmt.Sprintf("C%05d", d%max(g.customers, 1))
			date := scoring.DateOf(2023, time.Month(1+d%17), 3)
			add(id, services[d%len(services)], date.Time(), "PAL")
			in.Deployments = append(in.Deployments, scoring.Deployment{Customer: id, Service: services[d%len(services)], Date: date,
				Attribution: "PAL", Source: scoring.Ref{Sheet: "Deployments", Row: d + 2}})
		}
	})
	path := filepath.Join(dir, "generated.xlsx")
	if err := f.SaveAs(path); err != nil {
		tb.Fatal(err)
	}
	rs, err := scoring.Embedded("fy24")
	if err != nil {
		tb.Fatal(err)
	}
	res, err := scoring.Score(in, rs, scoring.Options{})
	if err != nil {
		tb.Fatal(err)
	}
	layouts := []SheetLayout{
		{Name: "Partner", Role: "partner", HeaderRow: 1, LastColumn: 2, LastRow: 3},
		{Name: "Customers", Role: "customers", HeaderRow: 1, LastColumn: 3, LastRow: lastCust},
		{Name: "ACR", Role: "acr", HeaderRow: 1, LastColumn: 5, LastRow: lastACR},
		{Name: "Certifications", Role: "certifications", HeaderRow: 1, LastColumn: 3, LastRow: lastCert},
		{Name: "Deployments", Role: "deployments", HeaderRow: 1, LastColumn: 4, LastRow: lastDep},
	}
	return path, Annotation{Input: in, Result: res, Issues: res.Issues, Sheets: layouts, Source: "generated.xlsx"}
}

// BenchmarkWriteAnnotatedTypical annotates a typical workbook: 300
// customers with 24 months of ACR (7,200 rows), 40 people, 30 deployments.
func BenchmarkWriteAnnotatedTypical(b *testing.B) {
	dir := b.TempDir()
	src, a := wbGenerate(b, dir, wbGenerated{customers: 300, months: 24, subs: 1, people: 40, deploys: 30})
	dst := filepath.Join(dir, "out.xlsx")
	b.ReportAllocs()
	b.ResetTimer()
	cpu := wbCPU()
	for b.Loop() {
		if err := WriteAnnotated(src, dst, a); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(wbCPU()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
}

// wbCPU returns the CPU time the process has used (user and system, all
// threads): on a shared machine it measures the work better than the clock.
func wbCPU() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkWriteAnnotatedMillionRows annotates a workbook whose ACR sheet
// has about 1,000,000 rows (300 customers, 15 months each on average, 223
// subscriptions a month):
// the sheet is copied untouched and its rows that did not count are listed
// on PCS Details. peak-MB is the process's peak resident memory while
// writing, base-MB its resident memory before (the input and the score).
func BenchmarkWriteAnnotatedMillionRows(b *testing.B) {
	dir := b.TempDir()
	src, a := wbGenerate(b, dir, wbGenerated{customers: 300, months: 24, subs: 223, people: 40, deploys: 30})
	dst := filepath.Join(dir, "out.xlsx")
	b.ResetTimer()
	var base, peak float64
	cpu := wbCPU()
	for b.Loop() {
		base = wbResetPeak(b)
		if err := WriteAnnotated(src, dst, a); err != nil {
			b.Fatal(err)
		}
		peak = wbPeak(b)
	}
	b.ReportMetric(float64(wbCPU()-cpu)/float64(time.Millisecond)/float64(b.N), "cpu-ms/op")
	b.ReportMetric(base, "base-MB")
	b.ReportMetric(peak, "peak-MB")
}

// wbResetPeak resets the process's peak resident memory (Linux) and returns
// the resident memory now, in MB.
func wbResetPeak(tb testing.TB) float64 {
	if err := os.WriteFile("/proc/self/clear_refs", []byte("5"), 0); err != nil {
		tb.Skipf("cannot reset the peak memory: %v", err)
	}
	return wbStatus(tb, "VmRSS:")
}

func wbPeak(tb testing.TB) float64 { return wbStatus(tb, "VmHWM:") }

func wbStatus(tb testing.TB, key string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		tb.Skip(err)
	}
	sc := bufio.NewScanner(bytes.NewReader(b))
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), key); ok {
			kb, _ := strconv.Atoi(strings.TrimSuffix(strings.TrimSpace(rest), " kB"))
			return float64(kb) / 1024
		}
	}
	tb.Skipf("no %s in /proc/self/status", key)
	return 0
}

// TestAnnotatedGeneratedWorkbook annotates a generated workbook of typical
// size and checks that every data row got its status.
func TestAnnotatedGeneratedWorkbook(t *testing.T) {
	dir := t.TempDir()
	src, a := wbGenerate(t, dir, wbGenerated{customers: 60, months: 24, subs: 2, people: 12, deploys: 9})
	dst := filepath.Join(dir, "out.xlsx")
	if err := WriteAnnotated(src, dst, a); err != nil {
		t.Fatal(err)
	}
	f := wbOpen(t, dst)
	rows, err := f.GetRows("ACR")
	if err != nil {
		t.Fatal(err)
	}
	counted, notCounted := 0, 0
	for i, r := range rows[1:] {
		if len(r) < 6 {
			t.Fatalf("ACR row %d has no status: %q", i+2, r)
		}
		switch {
		case r[5] == "counted: all designations":
			counted++
		case strings.HasPrefix(r[5], `not counted: attribution "Referral"`):
			notCounted++
		default:
			t.Fatalf("ACR row %d: status %q", i+2, r[5])
		}
	}
	if counted == 0 || notCounted == 0 {
		t.Errorf("%d counted, %d not counted", counted, notCounted)
	}
}
