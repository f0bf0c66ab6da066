module oteldocs.dev/examples/tutorial-1

go 1.26.0
