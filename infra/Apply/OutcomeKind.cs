namespace Gateway.Infra.Apply;

/// <summary>What happened (or, in a preview, would happen) to one object.</summary>
public enum OutcomeKind
{
    /// <summary>The object did not exist and is (would be) created.</summary>
    Create,

    /// <summary>The object exists and some fields change.</summary>
    Update,

    /// <summary>The object exists and the apply changes nothing.</summary>
    NoChange,

    /// <summary>The object belongs to the stack's ApplySet but is no longer desired, and is (would be) deleted.</summary>
    Prune,

    /// <summary>The object is deleted by destroy.</summary>
    Delete,

    /// <summary>The object would be pruned or destroyed but is kept on purpose (a CRD without <c>--delete-crd</c>).</summary>
    Keep,
}
