import sys

from pipeline.launch import main

if __name__ == "__main__":  # not when a worker process of the local pool imports the main module again
    sys.exit(main())
