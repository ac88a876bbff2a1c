using System.Collections.Generic;

namespace Gateway.Dsl.Diagnostics;

/// <summary>Every diagnostic code of the route language, in one place.</summary>
/// <remarks>
/// Ranges: GW00xx syntax (lexer and parser), GW01xx names, GW02xx values, GW03xx conflicts between routes and between
/// policies, GW09xx the build (plugins checked against C#; the generator's own codes live in
/// generator/DiagnosticDescriptors.cs). A range says what a code is about, not how serious it is: every code is an error
/// except the warnings marked as such.
/// Codes are never reused or renumbered: they appear in build logs, docs and people's searches.
/// <c>docs/dsl.md</c> lists the same table, and the generator builds one descriptor per entry of <see cref="All"/>.
/// </remarks>
public static class DiagnosticCode
{
    // GW00xx: syntax. The file cannot be read as lines of directives and blocks.

    /// <summary>A quoted string has no closing quote on its line.</summary>
    public const string UnterminatedString = "GW0001";

    /// <summary>A backslash in a string is followed by something other than <c>" \ n t</c>.</summary>
    public const string InvalidEscape = "GW0002";

    /// <summary>A control character appears outside a string.</summary>
    public const string InvalidCharacter = "GW0003";

    /// <summary>A line starts with something other than a directive keyword.</summary>
    public const string ExpectedDirective = "GW0004";

    /// <summary>A <c>}</c> appears where no block is open.</summary>
    public const string UnexpectedCloseBrace = "GW0005";

    /// <summary>A <c>{</c> appears where no block can open.</summary>
    public const string UnexpectedOpenBrace = "GW0006";

    /// <summary>A block header has no <c>{</c> on its line.</summary>
    public const string MissingOpenBrace = "GW0007";

    /// <summary>A block has no closing <c>}</c>.</summary>
    public const string UnclosedBlock = "GW0008";

    /// <summary>A block header is not <c>KEYWORD NAME {</c>.</summary>
    public const string InvalidBlockHeader = "GW0009";

    /// <summary>A quoted string appears where a bare word is expected.</summary>
    public const string ExpectedWord = "GW0010";

    /// <summary>A bare word appears where a quoted string is expected.</summary>
    public const string ExpectedString = "GW0011";

    /// <summary>The file has bytes that are not UTF-8 (read as U+FFFD).</summary>
    public const string InvalidUtf8 = "GW0012";

    // GW01xx: names. Keywords, route and upstream names, and the names that refer to them.

    /// <summary>A directive keyword is unknown, or valid only at another level.</summary>
    public const string UnknownDirective = "GW0101";

    /// <summary>A route or upstream name is not <c>[A-Za-z_][A-Za-z0-9_.-]*</c>.</summary>
    public const string InvalidName = "GW0102";

    /// <summary><c>to NAME</c> names no upstream of the file.</summary>
    public const string UndefinedUpstream = "GW0103";

    /// <summary>Two routes have the same name.</summary>
    public const string DuplicateRoute = "GW0104";

    /// <summary>Two upstreams have the same name.</summary>
    public const string DuplicateUpstream = "GW0105";

    /// <summary>A <c>{name}</c> in a <c>respond</c> body names no capture of the route's path.</summary>
    public const string UnknownCapture = "GW0106";

    /// <summary>A <c>method</c> argument is not an HTTP method the gateway knows.</summary>
    public const string UnknownMethod = "GW0107";

    /// <summary>A path parameter names an unknown constraint.</summary>
    public const string UnknownConstraint = "GW0108";

    /// <summary>A <c>balance</c> argument is not a known mode.</summary>
    public const string UnknownBalanceMode = "GW0109";

    /// <summary>Two captures of one path have the same name.</summary>
    public const string DuplicateParameter = "GW0110";

    /// <summary><c>use NAME</c> names no <c>policy NAME { … }</c> group of the file.</summary>
    public const string UndefinedPolicy = "GW0111";

    /// <summary>Two policy groups have the same name.</summary>
    public const string DuplicatePolicy = "GW0112";

    /// <summary>A JWT algorithm is unknown, <c>none</c>, or symmetric.</summary>
    public const string UnknownAlgorithm = "GW0113";

    /// <summary>An argument is not one of the words its directive accepts (<c>request-header put …</c>).</summary>
    public const string UnknownChoice = "GW0114";

    // GW02xx: values. Arguments that are missing, extra, malformed or repeated.

    /// <summary>A directive lacks a required argument.</summary>
    public const string MissingArgument = "GW0201";

    /// <summary>A directive has more arguments than it takes.</summary>
    public const string UnexpectedArgument = "GW0202";

    /// <summary>A directive that may appear once appears again.</summary>
    public const string DuplicateDirective = "GW0203";

    /// <summary>A route has no <c>path</c>.</summary>
    public const string MissingPath = "GW0204";

    /// <summary>A route has neither <c>to</c> nor <c>respond</c>.</summary>
    public const string MissingAction = "GW0205";

    /// <summary>A route has both <c>to</c> and <c>respond</c>.</summary>
    public const string MultipleActions = "GW0206";

    /// <summary>An upstream has no endpoint.</summary>
    public const string MissingEndpoints = "GW0207";

    /// <summary>A <c>listen</c> or <c>admin</c> address is not <c>host:port</c>.</summary>
    public const string InvalidAddress = "GW0208";

    /// <summary>A port is not a number from 1 to 65535.</summary>
    public const string InvalidPort = "GW0209";

    /// <summary>An endpoint is not an absolute http or https URI without query, fragment or user info.</summary>
    public const string InvalidEndpoint = "GW0210";

    /// <summary>An upstream lists the same endpoint twice.</summary>
    public const string DuplicateEndpoint = "GW0211";

    /// <summary>A host pattern is malformed.</summary>
    public const string InvalidHost = "GW0212";

    /// <summary>A host pattern carries a port.</summary>
    public const string HostWithPort = "GW0213";

    /// <summary>A route names the same host twice.</summary>
    public const string DuplicateHost = "GW0214";

    /// <summary>A route names the same method twice.</summary>
    public const string DuplicateMethod = "GW0215";

    /// <summary>A path template is malformed.</summary>
    public const string InvalidPath = "GW0216";

    /// <summary>A catch-all is not the last segment of its path.</summary>
    public const string MisplacedCatchAll = "GW0217";

    /// <summary>A path has more than eight captures.</summary>
    public const string TooManyCaptures = "GW0218";

    /// <summary>A header name is not an HTTP token.</summary>
    public const string InvalidHeaderName = "GW0219";

    /// <summary>A route matches the same header twice.</summary>
    public const string DuplicateHeader = "GW0220";

    /// <summary>A query parameter name contains <c>=</c> or <c>&amp;</c>.</summary>
    public const string InvalidQueryName = "GW0221";

    /// <summary>A route matches the same query parameter twice.</summary>
    public const string DuplicateQuery = "GW0222";

    /// <summary>A <c>priority</c> is not an integer.</summary>
    public const string InvalidPriority = "GW0223";

    /// <summary>A <c>respond</c> status is not a number from 100 to 599.</summary>
    public const string InvalidStatus = "GW0224";

    /// <summary>A <c>respond</c> body has an unmatched or empty brace.</summary>
    public const string InvalidBody = "GW0225";

    /// <summary>A file has no route, so every request gets 404 (a warning: such a file still loads).</summary>
    public const string NoRoutes = "GW0226";

    /// <summary>A policy block lacks a setting it needs (<c>jwt</c> without <c>issuer</c>).</summary>
    public const string MissingSetting = "GW0230";

    /// <summary>A duration is not a whole number with a unit.</summary>
    public const string InvalidDuration = "GW0231";

    /// <summary>A URL (JWKS, external authorization) is not an absolute http or https URL.</summary>
    public const string InvalidUrl = "GW0232";

    /// <summary>A CORS origin is malformed, or <c>*</c> is combined with credentials.</summary>
    public const string InvalidOrigin = "GW0233";

    /// <summary>A <c>redirect</c> is malformed.</summary>
    public const string InvalidRedirect = "GW0234";

    /// <summary><c>require</c> or <c>forward</c> names an identity the route does not establish.</summary>
    public const string RequiresAuthentication = "GW0235";

    /// <summary>A path prefix or rewrite template is malformed.</summary>
    public const string InvalidPrefix = "GW0236";

    /// <summary>A <c>respond</c> content type is not <c>type/subtype</c>.</summary>
    public const string InvalidContentType = "GW0237";

    /// <summary>A header value holds a line break or control character.</summary>
    public const string InvalidHeaderValue = "GW0238";

    /// <summary>A <c>limit</c> rate or burst is not a positive whole number, or the rate's window is not <c>s</c>, <c>m</c> or <c>h</c>.</summary>
    public const string InvalidRate = "GW0240";

    /// <summary>A <c>redis</c> address is not <c>HOST[:PORT]</c>.</summary>
    public const string InvalidRedisAddress = "GW0241";

    /// <summary>A <c>retry</c> count is not 1 to 10.</summary>
    public const string InvalidRetry = "GW0245";

    /// <summary>A <c>retry</c> names a method the route does not accept, or retries no method the route accepts.</summary>
    public const string RetryMethodNotAllowed = "GW0246";

    /// <summary>A <c>retry-budget</c> is not a share from 1% to 100%.</summary>
    public const string InvalidRetryBudget = "GW0247";

    /// <summary>A <c>max-concurrent</c> limit is not a positive integer.</summary>
    public const string InvalidConcurrency = "GW0250";

    /// <summary>A <c>health</c> check's path, thresholds or timing is malformed, or <c>when-unhealthy</c> has no
    /// <c>health</c> to follow.</summary>
    public const string InvalidHealthCheck = "GW0251";

    /// <summary>An endpoint's <c>weight</c> is not a whole number from 1 to 100.</summary>
    public const string InvalidWeight = "GW0252";

    /// <summary>An <c>outlier</c> line is not written <c>outlier consecutive N eject D max P%</c> or <c>outlier off</c>,
    /// or its count or share is out of range.</summary>
    public const string InvalidOutlier = "GW0253";

    /// <summary>A <c>breaker</c> failure ratio is not a whole percentage from 1% to 100%.</summary>
    public const string InvalidBreakerRatio = "GW0254";

    /// <summary>A <c>breaker</c> throughput is not a whole number of at least 2.</summary>
    public const string InvalidBreakerThroughput = "GW0255";

    /// <summary>A <c>breaker</c> line is not written <c>breaker RATIO% of N in D break D</c>, or a duration is outside
    /// 500 ms to 1 day.</summary>
    public const string InvalidBreaker = "GW0256";

    /// <summary>A weight in a split (<c>to a 90 b 10</c>) is not a whole number from 1 to 10000.</summary>
    public const string InvalidSplitWeight = "GW0257";

    /// <summary>An upstream in a split has no weight after it.</summary>
    public const string MissingWeight = "GW0258";

    /// <summary>An upstream is named twice in one split.</summary>
    public const string DuplicateSplitUpstream = "GW0259";

    /// <summary>A <c>sticky</c> or <c>pin</c> line is in a route whose <c>to</c> has no weighted split.</summary>
    public const string SplitRequired = "GW0260";

    /// <summary>A <c>pin</c> names an upstream outside the route's split, or repeats an earlier pin's header or cookie
    /// value.</summary>
    public const string InvalidPin = "GW0261";

    /// <summary>A <c>mirror</c> share is not a percentage from 1% to 100%, or the route does not forward.</summary>
    public const string InvalidMirror = "GW0262";

    // GW03xx: conflicts between routes, reported by the planner (dsl/Planning).

    /// <summary>Two routes can match the same request and are equally specific with equal priority.</summary>
    public const string AmbiguousRoutes = "GW0301";

    /// <summary>Two policy groups a route (or the file) uses set the same policy, or a route's policies contradict each
    /// other (<c>rewrite</c> with <c>strip-prefix</c>). Reported by the checker.</summary>
    public const string ConflictingPolicies = "GW0302";

    // GW09xx: the build. GW0904-GW0906 check 'plugin' lines against the policies written in C#, so only a caller that
    // knows them can report these (Semantics/PluginChecker: the generator, and the gateway when it loads a file). They
    // are not in All: the generator has its own descriptors for them, and its tests cover them instead of case files.

    /// <summary><c>plugin NAME</c> names no class marked <c>[GatewayPolicy("NAME")]</c>.</summary>
    public const string UnknownPlugin = "GW0904";

    /// <summary>A <c>plugin</c> argument does not convert to its constructor parameter's type.</summary>
    public const string InvalidPluginArgument = "GW0905";

    /// <summary>A <c>plugin</c> line gives more arguments than the constructor takes, or fewer than it needs.</summary>
    public const string PluginArgumentCount = "GW0906";

    /// <summary>Every code with its title, in code order.</summary>
    public static IReadOnlyList<DiagnosticCodeInfo> All { get; } = new[]
    {
        Info(UnterminatedString, "Unterminated string"),
        Info(InvalidEscape, "Unknown escape in string"),
        Info(InvalidCharacter, "Control character in file"),
        Info(ExpectedDirective, "Line does not start with a directive"),
        Info(UnexpectedCloseBrace, "'}' without an open block"),
        Info(UnexpectedOpenBrace, "'{' where no block can open"),
        Info(MissingOpenBrace, "Block header without '{'"),
        Info(UnclosedBlock, "Block without closing '}'"),
        Info(InvalidBlockHeader, "Malformed block header"),
        Info(ExpectedWord, "Quoted string instead of a word"),
        Info(ExpectedString, "Word instead of a quoted string"),
        Info(InvalidUtf8, "File not valid UTF-8"),
        Info(UnknownDirective, "Unknown or misplaced directive"),
        Info(InvalidName, "Invalid name"),
        Info(UndefinedUpstream, "Undefined upstream"),
        Info(DuplicateRoute, "Duplicate route name"),
        Info(DuplicateUpstream, "Duplicate upstream name"),
        Info(UnknownCapture, "Unknown capture in body"),
        Info(UnknownMethod, "Unknown method"),
        Info(UnknownConstraint, "Unknown parameter constraint"),
        Info(UnknownBalanceMode, "Unknown balance mode"),
        Info(DuplicateParameter, "Duplicate path parameter"),
        Info(UndefinedPolicy, "Undefined policy group"),
        Info(DuplicatePolicy, "Duplicate policy group name"),
        Info(UnknownAlgorithm, "Unknown or unsafe JWT algorithm"),
        Info(UnknownChoice, "Unknown choice"),
        Info(MissingArgument, "Missing argument"),
        Info(UnexpectedArgument, "Unexpected argument"),
        Info(DuplicateDirective, "Directive given twice"),
        Info(MissingPath, "Route without path"),
        Info(MissingAction, "Route without action"),
        Info(MultipleActions, "Route with two actions"),
        Info(MissingEndpoints, "Upstream without endpoints"),
        Info(InvalidAddress, "Invalid listen address"),
        Info(InvalidPort, "Invalid port"),
        Info(InvalidEndpoint, "Invalid endpoint"),
        Info(DuplicateEndpoint, "Duplicate endpoint"),
        Info(InvalidHost, "Invalid host pattern"),
        Info(HostWithPort, "Host pattern with port"),
        Info(DuplicateHost, "Duplicate host"),
        Info(DuplicateMethod, "Duplicate method"),
        Info(InvalidPath, "Invalid path template"),
        Info(MisplacedCatchAll, "Catch-all not last"),
        Info(TooManyCaptures, "Too many captures"),
        Info(InvalidHeaderName, "Invalid header name"),
        Info(DuplicateHeader, "Duplicate header match"),
        Info(InvalidQueryName, "Invalid query name"),
        Info(DuplicateQuery, "Duplicate query match"),
        Info(InvalidPriority, "Invalid priority"),
        Info(InvalidStatus, "Invalid status"),
        Info(InvalidBody, "Invalid respond body"),
        Info(NoRoutes, "File without routes", DiagnosticSeverity.Warning),
        Info(MissingSetting, "Missing setting"),
        Info(InvalidDuration, "Invalid duration"),
        Info(InvalidUrl, "Invalid URL"),
        Info(InvalidOrigin, "Invalid CORS origin"),
        Info(InvalidRedirect, "Invalid redirect"),
        Info(RequiresAuthentication, "Identity without authentication"),
        Info(InvalidPrefix, "Invalid path prefix"),
        Info(InvalidContentType, "Invalid content type"),
        Info(InvalidHeaderValue, "Invalid header value"),
        Info(InvalidRate, "Invalid rate limit"),
        Info(InvalidRedisAddress, "Invalid Redis address"),
        Info(InvalidRetry, "Invalid retry"),
        Info(RetryMethodNotAllowed, "Retry on a method the route does not accept"),
        Info(InvalidRetryBudget, "Invalid retry budget"),
        Info(InvalidConcurrency, "Invalid concurrency limit"),
        Info(InvalidHealthCheck, "Invalid health check"),
        Info(InvalidWeight, "Invalid weight"),
        Info(InvalidOutlier, "Malformed outlier ejection"),
        Info(InvalidBreakerRatio, "Invalid breaker failure ratio"),
        Info(InvalidBreakerThroughput, "Invalid breaker throughput"),
        Info(InvalidBreaker, "Malformed breaker"),
        Info(InvalidSplitWeight, "Invalid split weight"),
        Info(MissingWeight, "Split upstream without weight"),
        Info(DuplicateSplitUpstream, "Upstream named twice in a split"),
        Info(SplitRequired, "Sticky or pin without a split"),
        Info(InvalidPin, "Invalid pin"),
        Info(InvalidMirror, "Invalid mirror"),
        Info(AmbiguousRoutes, "Ambiguous routes"),
        Info(ConflictingPolicies, "Conflicting policies"),
    };

    private static DiagnosticCodeInfo Info(string code, string title, DiagnosticSeverity severity = DiagnosticSeverity.Error) =>
        new() { Code = code, Title = title, Severity = severity };
}
