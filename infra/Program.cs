// The provisioning program's entry point. InfraCli holds the logic so that tests can run it in-process.
using Gateway.Infra.Commands;

using var cancel = new CancellationTokenSource();

// Ctrl+C cancels the cluster work (waits, applies) instead of killing the process mid-request.
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

return await InfraCli.RunAsync(args, Console.Out, Console.Error, Environment.CurrentDirectory, cancel.Token);
