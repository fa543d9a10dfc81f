{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{page_title}} - Samspil</title>
<link rel="icon" href="{{asset_favicon}}" type="image/svg+xml">
<link rel="stylesheet" href="{{asset_dkfds_css}}">
<link rel="stylesheet" href="{{asset_samspil_css}}">
<script src="{{asset_dkfds_js}}" defer></script>
<script src="{{asset_samspil_js}}" defer></script>
</head>
<body>
<a class="skipnav" href="#main-content">{{t_skip_to_content}}</a>
<header class="header samspil-header">
<div class="portal-info">
<div class="portal-info-inner container">
<a href="/" class="logo samspil-logo"><span>Samspil</span></a>
<div class="portal-user samspil-portal-user">
{{#SIGNED_IN}}<p class="user">{{user_name}}<span class="weight-normal">, {{user_role}}</span></p>
<form method="post" action="/log-ud" class="samspil-inline-form"><input type="hidden" name="csrf_token" value="{{csrf_token}}"><button class="function-link d-print-none log-off" type="submit">{{t_sign_out}}</button></form>{{/SIGNED_IN}}
{{#SIGNED_OUT}}<a class="function-link log-on" href="/log-ind">{{t_sign_in}}</a>{{/SIGNED_OUT}}
</div>
</div>
</div>
{{#SIGNED_IN}}<div class="navigation-menu samspil-navigation">
<div class="navigation-menu-inner container">
<nav class="nav" aria-label="{{t_nav_label}}">
<ul class="mainmenu">
{{#NAV}}<li{{#CURRENT}} class="active current"{{/CURRENT}}><a href="{{href}}" class="nav-link"{{#CURRENT}} aria-current="page"{{/CURRENT}}><span>{{label}}</span></a></li>
{{/NAV}}</ul>
</nav>
</div>
</div>{{/SIGNED_IN}}
</header>
<div class="container page-container">
{{#BREADCRUMBS}}<nav aria-label="{{t_breadcrumbs_label}}" class="breadcrumbs">
<ol class="breadcrumbs__list">
{{#CRUMB}}<li class="breadcrumbs__list-item">{{#LINK}}<a href="{{href}}" class="breadcrumbs__link">{{label}}</a>{{/LINK}}{{#CURRENT}}<span aria-current="page">{{label}}</span>{{/CURRENT}}</li>
{{/CRUMB}}</ol>
</nav>{{/BREADCRUMBS}}
<main id="main-content" class="samspil-main">
{{#FLASH}}<div class="alert alert-success" role="status"><div class="alert-body"><p class="alert-text">{{flash}}</p></div></div>{{/FLASH}}
{{>CONTENT}}
</main>
</div>
<footer>
<div class="footer">
<div class="container">
<div class="row">
<div class="col-12 col-md-6 footer-col">
<section aria-labelledby="footer-about">
<h2 class="h5" id="footer-about">Samspil</h2>
<p>{{t_footer_about}}</p>
</section>
</div>
<div class="col-12 col-md-6 footer-col">
<section aria-labelledby="footer-links">
<h2 class="h5" id="footer-links">{{t_footer_links_heading}}</h2>
<ul class="unstyled-list footer-links">
<li><a href="/tilgaengelighed">{{t_accessibility_statement}}</a></li>
<li><a href="/tilgaengelighed#kontakt">{{t_footer_contact}}</a></li>
</ul>
</section>
</div>
</div>
</div>
</div>
</footer>
</body>
</html>
