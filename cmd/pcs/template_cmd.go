package main

import (
	"fmt"
	"os"

	"github.com/urfave/cli/v2"

	"github.com/pcs-tools/pcs/report"
	"github.com/pcs-tools/pcs/templates"
)

func templateCommand() *cli.Command {
	return &cli.Command{
		Name:      "template",
		Usage:     "write a blank partner workbook to fill in",
		ArgsUsage: " ",
		Flags: []cli.Flag{
			&cli.StringFlag{Name: "out", Usage: "the file to write", Value: "partner-template.xlsx"},
			&cli.BoolFlag{Name: "force", Usage: "overwrite the file if it exists"},
		},
		Action: func(c *cli.Context) error {
			if c.NArg() > 0 {
				return usageErr("template takes no arguments; name the file with --out")
			}
			out := c.String("out")
			if _, err := os.Stat(out); err == nil && !c.Bool("force") {
				return fmt.Errorf("%s already exists; choose another --out or add --force to overwrite it", out)
			}
			err := report.WriteAtomic(out, func(f *os.File) error {
				_, err := f.Write(templates.PartnerWorkbook)
				return err
			})
			if err != nil {
				return err
			}
			fmt.Fprintf(c.App.ErrWriter, "wrote %s: fill in the Partner, Customers, ACR, Certifications and Deployments sheets, then run pcs score %s\n", out, out)
			return nil
		},
	}
}
