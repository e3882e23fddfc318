package reader

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"
)

// partnerWorkbook writes a workbook whose Partner sheet holds rows (label,
// value), next to a small ACR sheet.
func partnerWorkbook(t *testing.T, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.SetSheetName("Sheet1", "Partner")
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Partner", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.NewSheet("ACR")
	f.SetSheetRow("ACR", "A1", &[]any{"Customer ID", "Month", "ACR", "Attribution"})
	f.SetSheetRow("ACR", "A2", &[]any{"C-1", "2024-05", 1, "PAL"})
	p := filepath.Join(t.TempDir(), "partner.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestPartnerFields(t *testing.T) {
	named := func(rows ...[]any) [][]any {
		return append([][]any{{"Field", "Value"}, {"Partner name", "P Ltd"}}, rows...)
	}
	tests := []struct {
		name  string
		rows  [][]any
		facts []string
	}{
		{"no name row", [][]any{{"Field", "Value"}, {"Partner ID", "7"}}, []string{
			"issue[Partner] = error: the Partner sheet has no row for the partner name (looked for: Partner name, Name, Organization, Organisation)",
			"partner.id = 7",
		}},
		{"empty sheet", nil, []string{
			"issue[Partner] = error: the Partner sheet has no row for the partner name (looked for: Partner name, Name, Organization, Organisation)",
		}},
		{"blank name", [][]any{{"Field", "Value"}, {"Partner name", ""}, {"Path", "smb"}}, []string{
			"issue[Partner!B2] = error: the partner name is missing",
			"partner.path = smb",
		}},
		{"given twice", named([]any{"Name", "Other"}), []string{
			"partner.name = P Ltd",
			"issue[Partner!B3] = warning: the partner name is given twice; the value in B2 was used",
		}},
		{"blank, then given below", named([]any{"As of", ""}, []any{"Path", "SMB"}, []any{"As of", "2024-04"}), []string{
			"partner.as_of = 2024-04",
			"issue[Partner!B5] = ",
		}},
		{"given, then blank below", named([]any{"As of", "2024-04"}, []any{"As-of month", " "}), []string{
			"partner.as_of = 2024-04",
			"issue[Partner!B4] = ",
		}},
		{"designations twice", named([]any{"Designations", "Data & AI"}, []any{"Solution areas", "Infrastructure"}), []string{
			"issue[Partner!B4] = warning: the list of designations is given twice; the value in B3 was used",
		}},
		{"paths", named([]any{"Scoring path", " ENTERPRISE "}), []string{"partner.path = enterprise"}},
		{"auto path", named([]any{"Path", "auto"}), []string{"partner.path = "}},
		{"smb path", named([]any{"Path", "Smb"}), []string{"partner.path = smb"}},
		{"other path", named([]any{"Path", "SMC"}), []string{`issue[Partner!B3] = error: "SMC" is not a path: write Auto, SMB or Enterprise`}},
		{"share with a space", named([]any{"SMB customer share", "86 %"}), []string{"partner.share = 86%"}},
		{"share as a fraction", named([]any{"SMB/SMC share", 0.795}), []string{"partner.share = 79.5%"}},
		{"share of one", named([]any{"SMB customer share", 1}), []string{"partner.share = 100%"}},
		{"share as a percent number", named([]any{"SMB customer share", 86}), []string{"partner.share = 86%"}},
		{"share over 100", named([]any{"SMB customer share", "120%"}), []string{
			`issue[Partner!B3] = error: "120%" is not a percentage between 0% and 100%`, "partner.share = none",
		}},
		{"negative share", named([]any{"SMB customer share", -0.5}), []string{
			"issue[Partner!B3] = error: -0.5 is not a percentage between 0% and 100%",
		}},
		{"ttm", named([]any{"TTM ACR", "USD 1,234"}), []string{"partner.ttm = USD 1,234.00"}},
		{"ttm not an amount", named([]any{"ACR trailing 12 months", "lots"}), []string{`issue[Partner!B3] = error: "lots" is not an amount`}},
		{"designations", named([]any{"Solution areas", "data-ai-azure, Infrastructure ;; Digital & App Innovation"}), []string{
			"partner.designations = data-ai-azure | Infrastructure | Digital & App Innovation",
		}},
		{"recipients", named([]any{"Email", "a@x.example;b@x.example\nc@x.example"}), []string{
			"partner.recipients = a@x.example | b@x.example | c@x.example",
		}},
		{"bad date order", named([]any{"Date order", "YMD"}), []string{
			`issue[Partner!B3] = error: "YMD" is not a date order: write DMY (day first, 31/05/2024) or MDY (month first, 05/31/2024)`,
		}},
		{"ambiguous as of", named([]any{"As of", "03/04/2024"}), []string{
			`issue[Partner!B3] = error: "03/04/2024" could be day-first or month-first`, "partner.as_of = ",
		}},
		{"as of with date order", named([]any{"Date format", "DMY"}, []any{"As of", "03/04/2024"}), []string{"partner.as_of = 2024-04"}},
		{"as of, day-first by itself", named([]any{"As-of month", "31/05/2024"}), []string{"partner.as_of = 2024-05"}},
		{"as of as a number", named([]any{"Reporting month", 202405}), []string{"partner.as_of = 2024-05"}},
		{"as of impossible", named([]any{"As of", "2024-13"}), []string{`issue[Partner!B3] = error: "2024-13" is not a real date`}},
		{"unknown field", named([]any{"Favourite colour", "blue"}, []any{"Notes", ""}), []string{
			`issue[Partner!A3] = warning: "Favourite colour" is not a field the Partner sheet has; it was ignored`,
			"issue[Partner!A4] = ",
		}},
		{"no header row", [][]any{{"Partner name", "Headless"}, {"Partner ID", 12}}, []string{"partner.name = Headless", "partner.id = 12", "partner.cell.id = B2"}},
		{"error value", named([]any{"Partner ID", "#N/A"}), []string{"partner.id = #N/A"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			wb, err := Read(partnerWorkbook(t, tt.rows), Options{})
			if err != nil {
				t.Fatal(err)
			}
			for _, f := range tt.facts {
				key, want, _ := strings.Cut(f, " = ")
				if got := fact(wb, key); got != want {
					t.Errorf("%s\n got %s\nwant %s", key, got, want)
				}
			}
		})
	}
}
