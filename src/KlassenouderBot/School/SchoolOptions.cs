namespace KlassenouderBot.School;

/// <summary>Where the school configuration comes from (configuration section <c>School</c>).</summary>
public sealed class SchoolOptions
{
    public const string SectionName = "School";

    /// <summary>The bundled fictional sample school, next to the binary.</summary>
    public static string DefaultConfigPath => Path.Combine(AppContext.BaseDirectory, "SampleSchool", "wilgenhoek.yaml");

    /// <summary>
    /// Path of the school configuration YAML; a relative path is relative to the working directory.
    /// </summary>
    /// <value>The bundled sample school, <see cref="DefaultConfigPath"/>.</value>
    public string ConfigPath { get; set; } = DefaultConfigPath;

    /// <summary>How often an instance looks whether another one saved a newer version of the school.</summary>
    /// <value>30 seconds.</value>
    public TimeSpan RefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
