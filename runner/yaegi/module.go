package yaegi

// What the worker needs of bingfa's go.mod and go.sum: the interpreter's
// module, its version and its checksums (the module has no requirements
// of its own). The worker is built offline from the module cache with
// them; TestModuleFiles keeps them equal to bingfa's go.mod and go.sum.
const (
	yaegiModule  = "github.com/traefik/yaegi"
	yaegiVersion = "v0.16.1"
	yaegiSums    = yaegiModule + " " + yaegiVersion + " h1:f1De3DVJqIDKmnasUF6MwmWv1dSEEat0wcpXhD2On3E=\n" +
		yaegiModule + " " + yaegiVersion + "/go.mod h1:4eVhbPb3LnD2VigQjhYbEJ69vDRFdT2HQNrXx8eEwUY=\n"
)

// workerGoMod is the go.mod of the module the worker is built in: bingfa's
// path, so that the embedded sources keep their import paths.
const workerGoMod = "module bingfa\n\ngo 1.26.0\n\nrequire " + yaegiModule + " " + yaegiVersion + "\n"
