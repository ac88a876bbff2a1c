using System.Buffers;
using Gateway.Pipeline;
using Microsoft.Extensions.Primitives;

namespace Gateway.Policies.ExternalAuth;

/// <summary>Passes an authorization service's refusal to the client: its status, its body (up to <see cref="MaxBody"/>)
/// and the headers a refusal needs to be acted on.</summary>
/// <remarks>A body larger than the limit, or one that cannot be read in time, is dropped together with its Content-Type,
/// and the client gets the status and the other headers: the decision was made, so it stands, with or without its
/// explanation. The route's response policies (CORS, header edits) run on the answer as on any other.</remarks>
public static class ExternalAuthDenial
{
    /// <summary>The largest body passed through, 64 KiB.</summary>
    public const int MaxBody = 64 * 1024;

    /// <summary>The headers copied from the refusal: a challenge, a login redirect, the body's type, and cookies (e.g. a
    /// login flow's state).</summary>
    public static readonly string[] Headers = ["WWW-Authenticate", "Location", "Content-Type", "Set-Cookie"];

    /// <summary>Writes <paramref name="denial"/> as the answer to <paramref name="context"/>'s request.</summary>
    public static async ValueTask<PolicyResult> WriteAsync(RequestContext context, HttpResponseMessage denial, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(denial);
        var status = (int)denial.StatusCode;
        var buffer = ArrayPool<byte>.Shared.Rent(MaxBody + 1);
        try
        {
            var length = await ReadBodyAsync(denial, buffer, cancellationToken);
            var response = context.Http.Response;
            context.Answered(status, OutcomeReason.ExternalAuthDenied);
            response.StatusCode = status;
            foreach (var name in Headers)
            {
                if (length < 0 && name == "Content-Type")
                {
                    continue;
                }

                if (denial.Headers.TryGetValues(name, out var values) || denial.Content.Headers.TryGetValues(name, out values))
                {
                    response.Headers[name] = new StringValues(values.ToArray());
                }
            }

            context.Route?.ApplyResponsePolicies(context);

            // A 304 has no body by definition; every other refusal says how long its body is, even when it is empty.
            if (status != StatusCodes.Status304NotModified)
            {
                response.ContentLength = Math.Max(length, 0);
                if (length > 0)
                {
                    await response.Body.WriteAsync(buffer.AsMemory(0, length), context.Http.RequestAborted);
                }
            }

            return PolicyResult.Answered;
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // The body's length, or -1 when it is too large or cannot be read before the call's deadline.
    private static async ValueTask<int> ReadBodyAsync(HttpResponseMessage denial, byte[] buffer, CancellationToken cancellationToken)
    {
        if (denial.Content.Headers.ContentLength > MaxBody)
        {
            return -1;
        }

        try
        {
            await using var body = await denial.Content.ReadAsStreamAsync(cancellationToken);
            var length = 0;
            int read;
            while (length <= MaxBody && (read = await body.ReadAsync(buffer.AsMemory(length, MaxBody + 1 - length), cancellationToken)) > 0)
            {
                length += read;
            }

            return length > MaxBody ? -1 : length;
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException)
        {
            return -1;
        }
    }
}
