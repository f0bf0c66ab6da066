module example.com/lonely

go 1.26.0
