module fixture.test/gotest

go 1.26.0
