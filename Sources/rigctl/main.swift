import RigCLI

await Rigctl.main()
