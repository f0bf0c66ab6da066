// Package ziprun holds the test that runs an example's download as a new
// reader would: it unpacks the zip docgen builds, runs the commands its
// README gives (docker run with the images built here, go run, curl), and
// checks that what the README says should arrive reaches the Collector.
// It needs Docker: it runs with the integration tests
// (OTELDOCS_INTEGRATION=1, make integration).
package ziprun
