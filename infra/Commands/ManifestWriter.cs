using System.Globalization;
using System.Text.RegularExpressions;
using k8s;
using k8s.Models;

namespace Gateway.Infra.Commands;

/// <summary>Writes objects as YAML: one multi-document stream, or one file per object in apply order.</summary>
public static partial class ManifestWriter
{
    /// <summary>Every object as one YAML stream, documents separated by <c>---</c>, in apply order.</summary>
    public static string ToYaml(IEnumerable<IKubernetesObject<V1ObjectMeta>> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);

        // Serialized one by one (not SerializeAll) so every document, the first included, starts with '---' and
        // the stream splits the same way for kubectl, for tests and for a reader.
        return string.Concat(objects.Select(o => "---\n" + Document(o)));
    }

    /// <summary>One object as YAML ending in a newline; the serializer usually leaves the last line unterminated, which
    /// would glue the next <c>---</c> onto it.</summary>
    /// <remarks>Only a missing newline is added; trailing newlines are never trimmed, because a final <c>|+</c> block
    /// (a ConfigMap value ending in blank lines) keeps them as content.</remarks>
    public static string Document(IKubernetesObject<V1ObjectMeta> value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var yaml = KubernetesYaml.Serialize(value).ReplaceLineEndings("\n");
        return yaml.EndsWith('\n') ? yaml : yaml + "\n";
    }

    /// <summary>Writes <c>NN-kind-name.yaml</c> per object (a <c>:</c> in a name becomes <c>-</c>, for Windows) into <paramref name="directory"/> and returns the file names.</summary>
    /// <remarks>
    /// Files an earlier render wrote (the <c>NN-</c> pattern) are removed first: a stale file for an object the stack no
    /// longer has would be applied again by <c>kubectl apply -f DIR</c>. Other files in the folder are left alone.
    /// </remarks>
    public static IReadOnlyList<string> WriteFolder(string directory, IReadOnlyList<IKubernetesObject<V1ObjectMeta>> objects)
    {
        ArgumentNullException.ThrowIfNull(objects);
        Directory.CreateDirectory(directory);
        foreach (var stale in Directory.GetFiles(directory, "*.yaml").Where(f => RenderedName().IsMatch(Path.GetFileName(f))))
        {
            File.Delete(stale);
        }

        var names = new List<string>();
        for (var i = 0; i < objects.Count; i++)
        {
            var o = objects[i];
            var name = string.Create(CultureInfo.InvariantCulture, $"{i:00}-{o.Kind.ToLowerInvariant()}-{o.Metadata.Name.Replace(':', '-')}.yaml");
            File.WriteAllText(Path.Combine(directory, name), Document(o));
            names.Add(name);
        }

        return names;
    }

    /// <summary>The file names <see cref="WriteFolder"/> produces.</summary>
    [GeneratedRegex(@"^[0-9]{2}-[a-z0-9]+-[a-z0-9.-]+\.yaml$")]
    private static partial Regex RenderedName();
}
