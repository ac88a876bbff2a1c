namespace Gateway.Infra.Tests.Apply;

/// <summary>The whole wire conversation of one <c>up</c>, pinned, so any change to it is a reviewed change.</summary>
public sealed partial class ApplierTests
{
    [Fact]
    public async Task UpAsync_SmallStack_SendsExactlyThisRequestSequence()
    {
        await using var harness = await CreateAsync();

        Assert.Equal(0, await harness.CreateApplier().UpAsync(TestStack.Full(), Bounded()));

        const string Apply = "fieldManager=gateway-infra&fieldValidation=Strict&force=false";
        const string Selector = "labelSelector=applyset.kubernetes.io%2Fpart-of%3D" + TestStack.DevApplySetId;
        Assert.Equal(
            [
                $"GET {ParentPath}",
                $"PATCH {ParentPath}?{Apply}",
                $"GET {CrdPath}",
                $"PATCH {CrdPath}?{Apply}",
                $"GET {CrdPath} (repeated until Established)",
                $"GET {ClusterRolePath}",
                $"PATCH {ClusterRolePath}?{Apply}",
                $"GET {ConfigMapPath}",
                $"PATCH {ConfigMapPath}?{Apply}",
                $"GET {DeploymentPath}",
                $"PATCH {DeploymentPath}?{Apply}",
                $"GET {DeploymentPath} (repeated until rolled out)",
                $"GET /apis/rbac.authorization.k8s.io/v1/clusterroles?{Selector}",
                $"GET /api/v1/namespaces/gw/configmaps?{Selector}",
                $"GET /apis/apiextensions.k8s.io/v1/customresourcedefinitions?{Selector}",
                $"GET /apis/apps/v1/namespaces/gw/deployments?{Selector}",
                $"PATCH {ParentPath}?{Apply}",
            ],
            Collapse(harness.Fake.Requests.Select(r => r.ToString())));
    }

    // Polling GETs after a PATCH repeat a timing-dependent number of times, one or more: the fake's controller stand-ins
    // (CRD Established after 80 ms, rollout after 30 ms) may already be done when a slow or cold machine sends the first
    // poll. The sequence keeps one line for each run of polls, however long.
    private static IReadOnlyList<string> Collapse(IEnumerable<string> requests)
    {
        var lines = new List<string>();
        foreach (var request in requests)
        {
            var path = request.Split(' ')[1];
            if (request.StartsWith("GET ", StringComparison.Ordinal) && !request.Contains('?', StringComparison.Ordinal) && lines.Count >= 1)
            {
                var reason = request.Contains("customresourcedefinitions", StringComparison.Ordinal) ? "Established" : "rolled out";
                var polls = $"{request} (repeated until {reason})";
                if (lines[^1].StartsWith($"PATCH {path}?", StringComparison.Ordinal))
                {
                    lines.Add(polls);
                    continue;
                }

                if (lines[^1] == polls)
                {
                    continue;
                }
            }

            lines.Add(request);
        }

        return lines;
    }
}
