"""Allow `python -m hechi_cli`."""

from hechi_cli.cli import main

main()
