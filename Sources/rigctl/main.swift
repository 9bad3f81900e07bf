import RigCLI

await Rigctl.start()
