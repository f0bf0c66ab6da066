// Package userprops carries OpenTelemetry context in MQTT 5 user
// properties, the key-value headers MQTT 5 added to every message.
package userprops

import (
	"github.com/eclipse/paho.golang/paho"
	"go.opentelemetry.io/otel/propagation"
)

// [START carrier]
// Carrier lets a propagator read and write the user properties of one
// MQTT 5 message: Inject on the publishing side, Extract on the receiving
// side.
type Carrier struct{ Props *paho.UserProperties }

var _ propagation.TextMapCarrier = Carrier{}

// Get returns the value of the first property named key, "" if none.
func (c Carrier) Get(key string) string { return c.Props.Get(key) }

// Set replaces the property named key, or adds it. A property may appear
// more than once in MQTT 5; a propagator's field must appear once.
func (c Carrier) Set(key, value string) {
	for i, p := range *c.Props {
		if p.Key == key {
			(*c.Props)[i].Value = value
			return
		}
	}
	c.Props.Add(key, value)
}

// Keys lists the property names.
func (c Carrier) Keys() []string {
	keys := make([]string, 0, len(*c.Props))
	for _, p := range *c.Props {
		keys = append(keys, p.Key)
	}
	return keys
}

// [END carrier]
