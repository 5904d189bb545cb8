namespace CrmSync.Sync.Mappings;

/// <summary>Reads every <c>*.yaml</c> of the mapping folder and checks them together.</summary>
public static class MappingLoader
{
    public static MappingSet LoadFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            return new MappingSet([], [], [new MappingProblem(new SourceLocation(folder, 1, 1), ProblemSeverity.Error,
                $"The mapping folder {folder} does not exist. Point Sync:MappingsPath at it (default: mappings/ in the repository).")]);
        }

        var unreadable = new List<MappingProblem>();
        var files = new List<(string, string)>();
        foreach (var path in Directory.EnumerateFiles(folder, "*.yaml", SearchOption.AllDirectories)
            .Concat(Directory.EnumerateFiles(folder, "*.yml", SearchOption.AllDirectories))
            .Order(StringComparer.Ordinal))
        {
            if (ReadText(path) is { } text)
            {
                files.Add((Display(path), text));
            }
            else
            {
                unreadable.Add(new MappingProblem(new SourceLocation(Display(path), 1, 1), ProblemSeverity.Error, new FileInfo(path).Length > MaxFileBytes
                    ? $"The file is larger than 1 MB ({new FileInfo(path).Length:N0} bytes); a mapping file is a few hundred lines. Move it out of the mapping folder."
                    : "This is not a text file (it is not UTF-8 or holds NUL bytes); a mapping file is YAML text. Move it out of the mapping folder."));
            }
        }

        var loaded = Load(files, Display(folder) + Path.DirectorySeparatorChar);
        return loaded with { Problems = [.. unreadable, .. loaded.Problems] };
    }

    private const long MaxFileBytes = 1024 * 1024;

    private static readonly System.Text.UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The file's text, or null when it is too large or not UTF-8 text.</summary>
    private static string? ReadText(string path)
    {
        if (new FileInfo(path).Length > MaxFileBytes)
        {
            return null;
        }

        try
        {
            var text = StrictUtf8.GetString(File.ReadAllBytes(path)).TrimStart('\uFEFF');
            return text.Contains('\0', StringComparison.Ordinal) ? null : text;
        }
        catch (System.Text.DecoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>Reads the given files (name, text); the names appear in every problem.</summary>
    public static MappingSet Load(IEnumerable<(string File, string Yaml)> files, string folder = "mappings/")
    {
        var problems = new List<MappingProblem>();
        var sources = new List<SourceMapping>();
        var targets = new List<TargetMapping>();
        foreach (var (file, yaml) in files)
        {
            var reader = new MappingFileReader(file);
            switch (reader.Read(yaml))
            {
                case SourceMapping source: sources.Add(source); break;
                case TargetMapping target: targets.Add(target); break;
            }

            problems.AddRange(reader.Problems);
        }

        problems.AddRange(Duplicates(sources, s => s.Source, s => s.Location, "source"));
        // One table per object: two different sources may not read the same object.
        problems.AddRange(Duplicates(sources.DistinctBy(s => s.Source).ToList(), s => s.ObjectName, s => s.Location, "object"));
        problems.AddRange(Duplicates(targets, t => t.Target, t => t.Location, "target"));
        problems.AddRange(Unmapped(sources, new SourceLocation(folder, 0, 0)));
        return new MappingSet(sources, targets, problems);
    }

    private static IEnumerable<MappingProblem> Duplicates<T>(List<T> items, Func<T, string> key, Func<T, SourceLocation> location, string what) =>
        items.GroupBy(key, StringComparer.OrdinalIgnoreCase)
            .Where(group => group.Count() > 1)
            .SelectMany(group => group.Skip(1).Select(again => new MappingProblem(location(again), ProblemSeverity.Error,
                $"{what} '{group.Key}' is already mapped in {location(group.First())}; keep one of the two.")));

    /// <summary>Relative to the current folder when inside it, else absolute.</summary>
    private static string Display(string path)
    {
        var relative = Path.GetRelativePath(Directory.GetCurrentDirectory(), path);
        return relative.StartsWith("..", StringComparison.Ordinal) ? Path.GetFullPath(path) : relative;
    }

    private static IEnumerable<MappingProblem> Unmapped(List<SourceMapping> sources, SourceLocation anchor) =>
        LogicalCatalog.Sources
            .Where(entity => sources.All(s => s.Source != entity.Name))
            .Select(entity => new MappingProblem(anchor, ProblemSeverity.Warning,
                $"source '{entity.Name}' is not mapped: the metrics that need it will be reported as not configured."));
}
