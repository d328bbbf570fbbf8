// The `vstream` executable: parse the command line, run the command, exit with a documented status.
VStreamCommand.main()
