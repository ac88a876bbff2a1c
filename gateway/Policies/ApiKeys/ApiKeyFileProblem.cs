namespace Gateway.Policies.ApiKeys;

/// <summary>A line of a keys file that was skipped, and why; the message never quotes the line, which may hold a key.</summary>
/// <param name="Line">The 1-based line number.</param>
/// <param name="Message">What is wrong with the line.</param>
public sealed record ApiKeyFileProblem(int Line, string Message);
