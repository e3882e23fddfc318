package reader

import "github.com/pcs-tools/pcs/scoring"

// readCertifications reads the Certifications sheet.
func (wr *wbReader) readCertifications(ref sheetRef) error {
	spec := &tableSpec{role: RoleCertifications, fields: certFields,
		dates: map[string]dateWant{"earned": wantDate, "expires": wantExpiry}}
	in := &wr.wb.Input
	var out []scoring.Certification
	err := wr.readTable(ref, spec, func(cols []int) {
		out = nil
		in.Columns.CertIndividual = letters(cols[0])
		in.Columns.CertName = letters(cols[1])
		in.Columns.CertEarned = letters(cols[2])
		in.Columns.CertExpires = letters(cols[3])
	}, func(tr *tableRow) {
		tr.require(spec, 0)
		tr.require(spec, 1)
		c := scoring.Certification{Source: scoring.Ref{Sheet: ref.name, Row: tr.num}}
		c.Individual, _ = tr.text(tr.vals[0], tr.cols[0])
		c.Certification, _ = tr.text(tr.vals[1], tr.cols[1])
		if tr.vals[2].kind != vEmpty {
			if d, ok := tr.date(tr.vals[2], tr.dcs[2], wantDate); ok {
				c.Earned = &d
			}
		}
		if v := tr.vals[3]; v.kind != vEmpty && !(v.kind == vText && noExpiry[scoring.Key(v.text)]) {
			if d, ok := tr.date(tr.vals[3], tr.dcs[3], wantExpiry); ok {
				c.Expires = &d
			}
		}
		if tr.vals[4].kind != vEmpty {
			if yes, ok := tr.yesNo(tr.vals[4], tr.cols[4]); ok {
				c.NotAssociated = !yes
			}
		}
		if tr.bad || tr.wait {
			return
		}
		out = append(out, c)
	})
	in.Certifications = out
	return err
}

// noExpiry are the words an expiry cell may hold for a certification that
// does not expire: such a cell counts as blank.
var noExpiry = map[string]bool{"": true, "never": true, "none": true, "na": true, "noexpiry": true,
	"noexpiration": true, "doesnotexpire": true, "notapplicable": true}

// yesNo reads a yes/no cell: No, N, False, 0 (or FALSE), Not linked are
// no; Yes, Y, True, 1 (or TRUE), X, Linked are yes.
func (r *cellRow) yesNo(v value, col int) (bool, bool) {
	if !r.checkValue(&v, col) {
		return false, false
	}
	switch scoring.Key(v.textOf()) {
	case "yes", "y", "true", "1", "x", "linked", "associated":
		return true, true
	case "no", "n", "false", "0", "notlinked", "unlinked", "notassociated":
		return false, true
	}
	r.errorf(col, hintYesNo, msgNotYesNo(v.quoted()))
	return false, false
}
