package main

import (
	"fmt"
	"io"
	"runtime/debug"
	"strings"

	"github.com/urfave/cli/v2"

	"github.com/pcs-tools/pcs/scoring"
)

// version is set at build time with -ldflags "-X main.version=v1.2.3"; without
// it the module version from the build information is used.
var version = ""

func buildVersion() string {
	if version != "" {
		return version
	}
	if bi, ok := debug.ReadBuildInfo(); ok && bi.Main.Version != "" && bi.Main.Version != "(devel)" {
		return bi.Main.Version
	}
	return "dev"
}

// run is the whole program: it parses args, runs the command and returns the
// exit status of cli.md. Tests call it with their own writers.
func run(args []string, stdout, stderr io.Writer) int {
	app := newApp(stdout, stderr)
	var unknown string
	app.CommandNotFound = func(c *cli.Context, name string) { unknown = name }
	err := app.Run(reorderArgs(app, args))
	if unknown != "" && err == nil {
		err = usageErr("%q is not a command; see pcs help", unknown)
	}
	return exitCode(err, stderr)
}

func newApp(stdout, stderr io.Writer) *cli.App {
	cli.VersionPrinter = func(c *cli.Context) {
		fmt.Fprintf(c.App.Writer, "pcs %s (rule editions: %s; default %s)\n", c.App.Version, strings.Join(scoring.Editions(), ", "), scoring.DefaultEdition)
	}
	app := &cli.App{
		Name:      "pcs",
		Usage:     "compute and explain a Microsoft partner's partner capability score from its workbooks",
		Version:   buildVersion(),
		Writer:    stdout,
		ErrWriter: stderr,
		// Every error is printed once, by exitCode.
		ExitErrHandler: func(*cli.Context, error) {},
		OnUsageError: func(c *cli.Context, err error, isSubcommand bool) error {
			msg := err.Error()
			if name, ok := strings.CutPrefix(msg, "flag provided but not defined: "); ok {
				msg = "unknown flag -" + strings.TrimLeft(name, "-")
				if !strings.HasPrefix(name, "--") && len(strings.TrimLeft(name, "-")) > 1 {
					msg = "unknown flag --" + strings.TrimLeft(name, "-")
				}
				help := "pcs --help"
				if c.Command != nil && c.Command.Name != "" && c.Command.Name != c.App.Name {
					help = "pcs " + c.Command.Name + " --help"
				}
				msg += "; see " + help
			}
			return usageErr("%s", msg)
		},
		Commands: []*cli.Command{
			scoreCommand(),
			batchCommand(),
			templateCommand(),
			rulesCommand(),
		},
	}
	for _, c := range app.Commands {
		c.OnUsageError = app.OnUsageError
	}
	return app
}

// rulesFlag is the --rules flag shared by the commands.
func rulesFlag() *cli.StringFlag {
	return &cli.StringFlag{
		Name:    "rules",
		Usage:   "rule edition (" + strings.Join(scoring.Editions(), ", ") + ") or a rules file",
		Value:   scoring.DefaultEdition,
		EnvVars: []string{"PCS_RULES"},
	}
}

// reorderArgs lets flags come after the workbooks too ("pcs score a.xlsx
// --json"): urfave/cli v2 stops at the first argument, so flags of the command
// are moved in front of its arguments. "--" ends the flags as usual.
func reorderArgs(app *cli.App, args []string) []string {
	if len(args) < 2 {
		return args
	}
	var cmd *cli.Command
	at := -1
	for i := 1; i < len(args); i++ {
		if strings.HasPrefix(args[i], "-") {
			continue
		}
		cmd, at = app.Command(args[i]), i
		break
	}
	if cmd == nil {
		return args
	}
	takesValue := map[string]bool{}
	for _, f := range cmd.Flags {
		_, isBool := f.(*cli.BoolFlag)
		for _, n := range f.Names() {
			takesValue[n] = !isBool
		}
	}
	var flags, positional []string
	rest := args[at+1:]
	for i := 0; i < len(rest); i++ {
		a := rest[i]
		if a == "--" {
			positional = append(positional, rest[i+1:]...)
			break
		}
		if !strings.HasPrefix(a, "-") || a == "-" {
			positional = append(positional, a)
			continue
		}
		flags = append(flags, a)
		name := strings.TrimLeft(a, "-")
		if !strings.Contains(name, "=") && takesValue[name] && i+1 < len(rest) {
			flags = append(flags, rest[i+1])
			i++
		}
	}
	out := append([]string{}, args[:at+1]...)
	out = append(out, flags...)
	if len(positional) > 0 {
		out = append(out, "--")
		out = append(out, positional...)
	}
	return out
}
