// The gateway's entry point. GatewayApp holds the wiring so that integration tests can build and run the same host
// in-process; startup problems (route-file diagnostics, bad or taken addresses) are printed and the exit code is 1.
using Gateway;

return await GatewayApp.RunAsync(args, Console.Error);
