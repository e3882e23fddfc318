package reader

import "github.com/pcs-tools/pcs/scoring"

// readDeployments reads the Deployments sheet.
func (wr *wbReader) readDeployments(ref sheetRef) error {
	spec := &tableSpec{role: RoleDeployments, fields: deploymentFields,
		dates:  map[string]dateWant{"date": wantDate},
		absent: map[string][2]string{"attribution": {msgNoDeployAttribution, hintNoDeployAttribution}}}
	in := &wr.wb.Input
	var out []scoring.Deployment
	err := wr.readTable(ref, spec, func(cols []int) {
		out = nil
		in.Columns.DeployCustomer = letters(cols[0])
		in.Columns.DeployService = letters(cols[1])
		in.Columns.DeployDate = letters(cols[2])
		in.Columns.DeployArea = letters(cols[3])
		in.Columns.DeployAttribution = letters(cols[4])
		in.Columns.DeployID = letters(cols[5])
		in.DeploymentAttribution = cols[4] > 0
	}, func(tr *tableRow) {
		d := scoring.Deployment{Source: scoring.Ref{Sheet: ref.name, Row: tr.num}}
		tr.require(spec, 0)
		tr.require(spec, 1)
		hasDate := tr.require(spec, 2)
		d.Customer, _ = tr.text(tr.vals[0], tr.cols[0])
		d.Service, _ = tr.text(tr.vals[1], tr.cols[1])
		if hasDate {
			d.Date, _ = tr.date(tr.vals[2], tr.dcs[2], wantDate)
		}
		d.SolutionArea, _ = tr.text(tr.vals[3], tr.cols[3])
		d.Attribution, _ = tr.text(tr.vals[4], tr.cols[4])
		d.ID, _ = tr.text(tr.vals[5], tr.cols[5])
		if tr.bad || tr.wait {
			return
		}
		out = append(out, d)
	})
	in.Deployments = out
	return err
}
