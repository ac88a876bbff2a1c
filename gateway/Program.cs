// The gateway's entry point. GatewayApp holds the wiring so that integration tests can build the same host in-process.
using Gateway;

var app = GatewayApp.Build(args, Console.Error);
if (app is null)
{
    // The reasons (route-file diagnostics, bad addresses) are already printed.
    return 1;
}

await app.RunAsync();
return 0;
