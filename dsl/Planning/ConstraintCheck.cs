using System;
using Gateway.Dsl.Model;

namespace Gateway.Dsl.Planning;

/// <summary>A constraint that the request's segment at <see cref="SegmentIndex"/> must satisfy.</summary>
public readonly record struct ConstraintCheck(int SegmentIndex, ParameterConstraint Constraint) : IEquatable<ConstraintCheck>;
