module fixture.test/alongside

go 1.26.0
