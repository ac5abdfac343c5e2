from verigen.cli import main

main()
