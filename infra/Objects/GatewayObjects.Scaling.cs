using Gateway.Infra.StackFiles;
using k8s.Models;

namespace Gateway.Infra.Objects;

/// <summary>How many pods run: the autoscaler decides, the disruption budget bounds voluntary evictions.</summary>
public static partial class GatewayObjects
{
    /// <summary>At most one pod evicted at a time (node drains, cluster upgrades).</summary>
    public static V1PodDisruptionBudget PodDisruptionBudget(StackConfig stack) => new()
    {
        ApiVersion = V1PodDisruptionBudget.KubeGroup + "/" + V1PodDisruptionBudget.KubeApiVersion,
        Kind = V1PodDisruptionBudget.KubeKind,
        Metadata = Metadata(stack, ObjectNames.App),
        Spec = new V1PodDisruptionBudgetSpec
        {
            MaxUnavailable = 1,
            Selector = new V1LabelSelector { MatchLabels = ObjectLabels.Selector(stack) },

            // A pod that never became ready serves nothing, so evicting it must not be blocked by the budget.
            UnhealthyPodEvictionPolicy = "AlwaysAllow",
        },
    };

    /// <summary>Scales the Deployment on CPU between the stack's bounds; it owns <c>spec.replicas</c>.</summary>
    public static V2HorizontalPodAutoscaler HorizontalPodAutoscaler(StackConfig stack) => new()
    {
        ApiVersion = V2HorizontalPodAutoscaler.KubeGroup + "/" + V2HorizontalPodAutoscaler.KubeApiVersion,
        Kind = V2HorizontalPodAutoscaler.KubeKind,
        Metadata = Metadata(stack, ObjectNames.App),
        Spec = new V2HorizontalPodAutoscalerSpec
        {
            ScaleTargetRef = new V2CrossVersionObjectReference { ApiVersion = "apps/v1", Kind = V1Deployment.KubeKind, Name = ObjectNames.App },
            MinReplicas = stack.Replicas.Min,
            MaxReplicas = stack.Replicas.Max,
            Metrics =
            [
                new V2MetricSpec
                {
                    Type = "Resource",
                    Resource = new V2ResourceMetricSource
                    {
                        Name = "cpu",
                        Target = new V2MetricTarget { Type = "Utilization", AverageUtilization = stack.Replicas.CpuUtilization },
                    },
                },
            ],

            // Scale down slowly, one pod a minute after five calm minutes: a brief dip must not drain pods a spike needs again.
            Behavior = new V2HorizontalPodAutoscalerBehavior
            {
                ScaleDown = new V2HPAScalingRules
                {
                    StabilizationWindowSeconds = 300,
                    Policies = [new V2HPAScalingPolicy { Type = "Pods", Value = 1, PeriodSeconds = 60 }],
                },
            },
        },
    };
}
