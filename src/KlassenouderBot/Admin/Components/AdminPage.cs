using Microsoft.AspNetCore.Components;

namespace KlassenouderBot.Admin.Components;

/// <summary>What every admin page reads from its request: the request itself and the words in the reader's language.</summary>
public abstract class AdminPage : ComponentBase
{
    [CascadingParameter]
    protected HttpContext? HttpContext { get; set; }

    protected AdminText Text => AdminText.For(HttpContext);
}
