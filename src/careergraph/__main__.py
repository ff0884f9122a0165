"""Run careergraph as `python -m careergraph`."""

from careergraph.cli import main

if __name__ == "__main__":
    main()
