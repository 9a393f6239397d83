from lintrials.cli import main

main()
