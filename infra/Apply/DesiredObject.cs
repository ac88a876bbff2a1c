using System.Text.Json.Nodes;

namespace Gateway.Infra.Apply;

/// <summary>One object to apply: where it goes and the JSON body sent as the apply patch (ApplySet label included).</summary>
public sealed record DesiredObject(ObjectRef Ref, JsonObject Body);
