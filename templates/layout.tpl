{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{page_title}} - Samspil</title>
<link rel="stylesheet" href="/static/vendor/dkfds/css/dkfds.min.css">
<link rel="stylesheet" href="/static/css/samspil.css">
</head>
<body>
<a class="skipnav" href="#main-content">{{t_skip_to_content}}</a>
<header class="header">
<div class="portal-header">
<div class="container portal-header-inner">
<a href="/" class="logo"><span>Samspil</span></a>
{{#SIGNED_IN}}<div class="portal-info">
<p class="user">{{user_name}} <span class="weight-normal">({{user_role}})</span></p>
<form method="post" action="/log-ud"><input type="hidden" name="csrf_token" value="{{csrf_token}}"><button class="button button-secondary d-print-none" type="submit">{{t_sign_out}}</button></form>
</div>{{/SIGNED_IN}}
{{#SIGNED_OUT}}<div class="portal-info"><a class="button button-secondary" href="/log-ind">{{t_sign_in}}</a></div>{{/SIGNED_OUT}}
</div>
</div>
{{#SIGNED_IN}}<nav class="nav" aria-label="{{t_nav_label}}">
<div class="navigation-menu"><div class="navigation-menu-inner container"><ul class="mainmenu">
{{#NAV}}<li class="mainmenu-item"><a href="{{href}}" class="mainmenu-item-link{{#CURRENT}} current{{/CURRENT}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}><span>{{label}}</span></a></li>
{{/NAV}}</ul></div></div>
</nav>{{/SIGNED_IN}}
</header>
<div class="container page-container">
{{#BREADCRUMBS}}<nav aria-label="{{t_breadcrumbs_label}}"><ol class="breadcrumbs">
{{#CRUMB}}<li class="breadcrumbs__list-item">{{#LINK}}<a href="{{href}}" class="breadcrumbs__link">{{label}}</a>{{/LINK}}{{#CURRENT}}<span aria-current="page">{{label}}</span>{{/CURRENT}}</li>
{{/CRUMB}}</ol></nav>{{/BREADCRUMBS}}
<main id="main-content">
{{#FLASH}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{flash}}</p></div></div>{{/FLASH}}
{{>CONTENT}}
</main>
</div>
<footer>
<div class="footer"><div class="container"><ul class="unstyled-list inline-list">
<li><a href="/tilgaengelighed">{{t_accessibility_statement}}</a></li>
</ul></div></div>
</footer>
</body>
</html>
