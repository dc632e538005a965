"""python -m claimgraph.cli …"""
from . import main

main()
