package scenario

// Scenario is a checked scenario: its name, its text, and the settings of
// each of its arms.
type Scenario struct {
	Name          string
	Description   string
	File          string         // the path it was read from, or "embedded:NAME"
	Source        string         // the TOML text as read
	Sets          []string       // the --set flags applied, as given
	Base          Settings       // the settings before arm overrides (with --set applied)
	Arms          []Arm          // at least one
	Claims        []Claim        // what `headless check` judges
	Sweeps        []Sweep        // what `headless sweep` varies
	Design        Design         // how the sweep's points are chosen
	Events        []Event        // what happens when, in month order
	Uncertain     []Uncertain    // keys whose values nobody knows well, for check --robust
	Lesson        *Lesson        // the guided lesson the window opens with, or nil
	Participation *Participation // what a hosted class does: the [participation] table, or a lesson's default; nil without either
	Notes         []string       // what a user should know about how the file was read, though nothing is wrong
	PeopleEvery   int            // keep every person's quantities every this many months of each run (--every N --people); 0: none
}

// Arm is one world of a scenario: the base settings with its overrides.
type Arm struct {
	Name      string
	Settings  Settings
	Overrides []string // the keys this arm sets, in file order
}

// Run returns the settings shared by every arm: months, seeds and the model.
func (s *Scenario) Run() Settings { return s.Arms[0].Settings }
