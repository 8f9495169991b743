package classroom

import (
	"fmt"
	"strings"
)

// givenNames and initials name people: short, from many languages, easy
// to say aloud in class.
var (
	givenNames = strings.Fields("Ana Ben Chen Dara Eli Femi Gus Hana Ivan Jo Kofi Lea Mo Nia Omar Pia Raj Sam Tomi Uma " +
		"Vic Wen Yara Zeb Ada Bo Cleo Dev Esi Finn Gia Hugo Ines Jun Kai Lina Max Noor Olu Rosa")
	initials = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
)

// firmFirst and firmTrade make firms' names.
var (
	firmFirst = strings.Fields("Blue Red Green North South Old New River Hill Oak Iron Silver Stone Sun Bright Harbour Bay Maple Cedar Star")
	firmTrade = strings.Fields("Bakery Works Foods Mills Tools Textiles Motors Press Labs Farms Builders Logistics Kitchens Garage Clinic " +
		"Books Printers Crafts Electric Plastics Timber Glass Dairy Brewery Software Designs Repairs Outfitters Pharmacy Shoes " +
		"Furniture Ceramics Paints Cycles Robotics Optics Fabrics Metals Market Supplies Studios Transport Cafe Canning Seeds " +
		"Pottery Radio Chemicals Forge Hardware")
)

// PersonName is a short name for person p (from 0) of a world, the same
// in every world and class: a given name and an initial, "Ana K.",
// different for each of the first 1,040 persons; beyond them a number
// follows ("Ana K. 2").
func PersonName(p int) string {
	n, i := len(givenNames), len(initials)
	name := fmt.Sprintf("%s %c.", givenNames[p%n], initials[p/n%i])
	if k := p / (n * i); k > 0 {
		name += fmt.Sprintf(" %d", k+1)
	}
	return name
}

// FirmName is the name of the firm person p owns, the same in every world
// and class: "Harbour Bakery", different for each of the first 1,000
// owners; beyond them a number follows.
func FirmName(owner int) string {
	n, m := len(firmFirst), len(firmTrade)
	name := firmFirst[owner%n] + " " + firmTrade[owner/n%m]
	if k := owner / (n * m); k > 0 {
		name += fmt.Sprintf(" %d", k+1)
	}
	return name
}
