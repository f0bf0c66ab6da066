// Package sensor simulates the temperature and humidity sensor of the
// device.
package sensor

import (
	"math"
	"time"
)

// Reading is what the device publishes: one measurement of the sensor.
type Reading struct {
	Device      string    `json:"device"`
	Temperature float64   `json:"temperature_c"`
	Humidity    float64   `json:"humidity_pct"`
	Time        time.Time `json:"time"`
}

// SHT31 simulates a Sensirion SHT31 temperature and humidity sensor. The
// real part answers a measure command on I2C with two 16-bit raw words;
// Read converts them with the formulas of the datasheet.
type SHT31 struct{ n int }

// raw returns the two words the sensor would send: a slow drift around
// 21 °C and 45 %RH, so the readings differ.
func (s *SHT31) raw() (t, rh uint16) {
	s.n++
	temp := 21 + 1.5*math.Sin(float64(s.n)/2)
	hum := 45 + 10*math.Cos(float64(s.n)/3)
	return uint16((temp + 45) / 175 * 65535), uint16(hum / 100 * 65535)
}

// Read measures once and converts the raw words (SHT3x datasheet, 4.13).
func (s *SHT31) Read(device string) Reading {
	t, rh := s.raw()
	return Reading{
		Device:      device,
		Temperature: math.Round((-45+175*float64(t)/65535)*100) / 100,
		Humidity:    math.Round(100*float64(rh)/65535*100) / 100,
		Time:        time.Now().UTC(),
	}
}
