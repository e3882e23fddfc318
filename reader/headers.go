package reader

import (
	"strings"

	"github.com/pcs-tools/pcs/scoring"
)

// Role is what a sheet holds.
type Role string

// The sheets the reader knows.
const (
	RolePartner        Role = "partner"
	RoleCustomers      Role = "customers"
	RoleACR            Role = "acr"
	RoleCertifications Role = "certifications"
	RoleDeployments    Role = "deployments"
)

// roles lists the sheets in the order they are read (Partner first: its
// Date order field is needed to read the others).
var roles = []struct {
	role  Role
	names []string // the usual name first
}{
	{RolePartner, []string{"Partner", "Profile", "Partner profile"}},
	{RoleCustomers, []string{"Customers", "Customer list"}},
	{RoleACR, []string{"ACR", "Azure consumed revenue", "Consumption", "Revenue"}},
	{RoleCertifications, []string{"Certifications", "Certs", "Skilling", "Certified individuals"}},
	{RoleDeployments, []string{"Deployments", "Azure deployments"}},
}

// field is a column (or a Partner field) the reader looks for.
type field struct {
	id       string
	what     string   // how a message names it: "the customer ID"
	names    []string // accepted headers, the usual one first, in order of preference
	required bool
}

// The columns of each sheet, as workbook.md lists them.
var (
	customerFields = []field{
		{id: "id", what: "the customer ID", names: []string{"Customer ID", "Customer", "Tenant ID", "Customer tenant ID"}, required: true},
		{id: "name", what: "the customer name", names: []string{"Customer name", "Name"}},
		{id: "segment", what: "the segment", names: []string{"Segment", "Customer segment"}},
	}
	acrFields = []field{
		{id: "customer", what: "the customer ID", names: []string{"Customer ID", "Customer", "Tenant ID", "Customer tenant ID"}, required: true},
		{id: "name", what: "the customer name", names: []string{"Customer name", "Name"}},
		{id: "month", what: "the month", names: []string{"Month", "Period", "Date"}, required: true},
		{id: "amount", what: "the ACR amount", names: []string{"ACR", "ACR USD", "Azure consumed revenue", "Amount", "Revenue"}, required: true},
		{id: "attribution", what: "the attribution", names: []string{"Attribution", "Association", "Association type"}},
		{id: "area", what: "the solution area", names: []string{"Solution area", "Designation", "Workload"}},
	}
	certFields = []field{
		{id: "individual", what: "the certified person", names: []string{"Email", "Individual", "Individual ID", "Person", "Name"}, required: true},
		{id: "certification", what: "the certification name", names: []string{"Certification", "Certification name", "Credential", "Exam", "Training title"}, required: true},
		{id: "earned", what: "the date earned", names: []string{"Earned on", "Date earned", "Achieved", "Training completion date", "Completion date"}},
		{id: "expires", what: "the expiry date", names: []string{"Expires on", "Expiry", "Expiration date"}},
		{id: "associated", what: "whether it is linked to Partner Center", names: []string{"Associated", "Linked to Partner Center", "In Partner Center"}},
	}
	deploymentFields = []field{
		{id: "customer", what: "the customer ID", names: []string{"Customer ID", "Customer", "Tenant ID", "Customer tenant ID"}, required: true},
		{id: "service", what: "the Azure service", names: []string{"Service", "Azure service", "Service level 2", "Product"}, required: true},
		{id: "date", what: "the deployment date", names: []string{"Deployed on", "Deployment date", "Date"}, required: true},
		{id: "area", what: "the solution area", names: []string{"Solution area", "Designation", "Workload"}},
		{id: "attribution", what: "the attribution", names: []string{"Attribution", "Association"}},
		{id: "id", what: "the deployment ID", names: []string{"Deployment ID", "ID"}},
	}
	partnerFields = []field{
		{id: "name", what: "the partner name", names: []string{"Partner name", "Name", "Organization", "Organisation"}, required: true},
		{id: "id", what: "the partner ID", names: []string{"Partner ID", "PartnerOne ID", "MPN ID"}},
		{id: "as_of", what: "the as-of month", names: []string{"As of", "As-of month", "Reporting month"}},
		{id: "path", what: "the path", names: []string{"Path", "Scoring path"}},
		{id: "designations", what: "the list of designations", names: []string{"Designations", "Solution areas"}},
		{id: "ttm_acr", what: "the ACR of the trailing 12 months", names: []string{"ACR trailing 12 months", "TTM ACR"}},
		{id: "smb_share", what: "the SMB customer share", names: []string{"SMB customer share", "SMB/SMC share"}},
		{id: "recipients", what: "the report recipients", names: []string{"Recipients", "Report recipients", "Email"}},
		{id: "date_order", what: "the date order", names: []string{"Date order", "Date format"}},
	}
	// The two columns of the Partner sheet, when it has a header row.
	partnerLabelNames = []string{"Field", "Setting", "Item"}
	partnerValueNames = []string{"Value"}
	// statusHeader heads the column an earlier run of pcs added to a sheet.
	statusHeader = "PCS status"
)

// headerKeys returns the keys a header or a sheet name matches under:
// letters and digits only, lower case, with and without a trailing unit in
// brackets ("ACR (USD)") or a trailing USD ("Amount USD").
func headerKeys(s string) []string {
	s = strings.TrimSpace(s)
	keys := []string{scoring.Key(s)}
	if strings.HasSuffix(s, ")") || strings.HasSuffix(s, "]") {
		if i := strings.LastIndexAny(s, "(["); i > 0 {
			keys = append(keys, scoring.Key(s[:i]))
		}
	}
	for _, k := range keys {
		for _, unit := range []string{"inusd", "usd"} {
			if len(k) > len(unit) && strings.HasSuffix(k, unit) {
				keys = append(keys, strings.TrimSuffix(k, unit))
				break
			}
		}
	}
	return keys
}

// matchName returns the position in names of the first name a header
// matches, or -1.
func matchName(header string, names []string) int {
	keys := headerKeys(header)
	for i, n := range names {
		nk := scoring.Key(n)
		for _, k := range keys {
			if k != "" && k == nk {
				return i
			}
		}
	}
	return -1
}

// roleOf returns the role of a sheet name and how good the match is (0 for
// the usual name written as it is); ok is false for sheets the reader does
// not know. A name that matches only once its bracketed end is dropped
// ranks after one that matches whole, so that Excel's copy of a sheet,
// "ACR (2)", never wins over "ACR".
func roleOf(name string) (Role, int, bool) {
	whole := scoring.Key(name)
	for _, r := range roles {
		if i := matchName(name, r.names); i >= 0 {
			rank := 2 * i
			if whole != scoring.Key(r.names[i]) {
				rank++
			}
			return r.role, rank, true
		}
	}
	return "", 0, false
}

// roleNames returns the accepted names of a role's sheet.
func roleNames(role Role) []string {
	for _, r := range roles {
		if r.role == role {
			return r.names
		}
	}
	return nil
}
