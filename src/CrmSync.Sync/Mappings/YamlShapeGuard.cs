using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace CrmSync.Sync.Mappings;

/// <summary>
/// Walks a mapping file's YAML events (iteratively, so nothing here recurses) before it is loaded as nodes:
/// aliases and nesting past <see cref="MaxDepth"/> are refused. A mapping file never needs either, and the node
/// loader recurses per level (100,000 brackets overflow the stack and kill the process).
/// </summary>
internal static class YamlShapeGuard
{
    public const int MaxDepth = 32;

    /// <summary>The first reason the text must not be loaded, with where it is; null when it is fine (or not YAML: the loader says why).</summary>
    public static (Mark At, string Problem)? Check(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        var depth = 0;
        try
        {
            while (parser.MoveNext())
            {
                switch (parser.Current)
                {
                    case AnchorAlias alias:
                        return (alias.Start, $"Aliases (*{alias.Value}) are not allowed in mapping files: write the value out where it is used.");
                    case NodeEvent { Anchor.IsEmpty: false } anchored:
                        return (anchored.Start, $"Anchors (&{anchored.Anchor}) and aliases are not allowed in mapping files: write the value out where it is used.");
                    case MappingStart or SequenceStart when ++depth > MaxDepth:
                        return (parser.Current.Start, $"The YAML is nested more than {MaxDepth} levels deep; a mapping file needs three at most.");
                    case MappingEnd or SequenceEnd:
                        depth--;
                        break;
                }
            }
        }
        catch (YamlException)
        {
            return null;
        }

        return null;
    }
}
